using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Promotions.ServiceDefaults.Http;

/// <summary>
/// Per-endpoint body limits enforced the same way on Kestrel, the test server and behind the Lambda
/// adapter: a declared length over the limit is refused before the body is read, and the server
/// limit is lowered for chunked bodies. JSON endpoints default to <see cref="DefaultJsonLimit"/>.
/// </summary>
public static class BodySizeLimit
{
    public const long DefaultJsonLimit = 1024 * 1024;

    /// <summary>Marks an endpoint with its own limit (e.g. asset uploads).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new BodyLimit(bytes));
        return builder;
    }

    internal static async Task Enforce(HttpContext context, Func<Task> next)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? DefaultJsonLimit;
        if (context.Request.ContentLength > limit)
        {
            var problem = Problems.Create(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                $"The request body is larger than the {limit} bytes this endpoint accepts.",
                [new("payload_too_large", $"At most {limit} bytes.", "$")]);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        await next();
    }

    internal sealed record BodyLimit(long Bytes);
}
