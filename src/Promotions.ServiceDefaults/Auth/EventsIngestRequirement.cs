using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Promotions.ServiceDefaults.Adapters;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Who may post to a pass-through endpoint (<c>/events/…</c>). Locally, an admin (feeding events by hand).
/// In a Lambda function of the AWS mode, only the Lambda Web Adapter's pass-through posts: the adapter sends
/// every request it forwards with an <c>x-amzn-request-context</c> header, holding API Gateway's request context
/// for HTTP events and JSON <c>null</c> for any other event (SQS, streams, schedules) — and it replaces any header
/// of that name a client sent. So <c>null</c> proves the request is a non-HTTP event, which only the function's
/// own event sources and IAM-authorized invokers can send; anything that came through API Gateway (or with the
/// header missing) is refused, whatever token it carries.
/// </summary>
public sealed class EventsIngestRequirement : IAuthorizationRequirement
{
    public const string RequestContextHeader = "x-amzn-request-context";

    /// <summary>True when the request is a pass-through post of the Lambda Web Adapter.</summary>
    public static bool IsPassThrough(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = request.Headers[RequestContextHeader];
        return values.Count == 1 && values[0]?.Trim() == "null";
    }

    /// <summary>True in a Lambda function (the runtime sets <c>AWS_LAMBDA_RUNTIME_API</c>) running the AWS adapters.</summary>
    public static bool TrustsLambdaPassThrough(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return AdapterSelection.ModeOf(configuration) == AdapterMode.Aws
            && !string.IsNullOrWhiteSpace(configuration["AWS_LAMBDA_RUNTIME_API"]);
    }
}
