using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Promotions.Aws.Events.Lambda;

/// <summary>
/// The pass-through paths of the Lambda Web Adapter (where it posts non-HTTP events) and the status they fail with.
/// The adapter fails an invocation, so that its event source delivers the batch again, only for the statuses of
/// <c>AWS_LWA_ERROR_STATUS_CODES</c>, and it applies that list to the HTTP requests it forwards as well: a status
/// that no HTTP answer uses keeps an API's own 5xx (such as <c>503 queue_unavailable</c>) reaching its client instead
/// of turning into a failed invocation and API Gateway's bare 500. template.yaml lists this status alone.
/// </summary>
public static class PassThrough
{
    /// <summary>The status of a pass-through request that failed: unassigned by HTTP, used by nothing else here.</summary>
    public const int FailureStatus = 599;

    /// <summary>
    /// Marks the endpoint as a pass-through path: an unhandled error there answers <see cref="FailureStatus"/>. It is
    /// left out of the OpenAPI document: only the function's own event sources call it, never an API client.
    /// </summary>
    public static TBuilder AsPassThrough<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker.Instance, new ExcludeFromDescriptionAttribute());

    /// <summary>Whether <paramref name="endpoint"/> is a pass-through path.</summary>
    public static bool IsPassThrough(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<Marker>() is not null;

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}
