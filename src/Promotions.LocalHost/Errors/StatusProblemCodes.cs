using Promotions.ServiceDefaults.Http;

namespace Promotions.LocalHost.Errors;

/// <summary>
/// Gives the problems the framework writes by itself (401 and 403 from authorization, 404 for no route, 405,
/// 415 from content-type matching) the same <c>code</c> and <c>errors</c> members as the services' own problems,
/// so a client reads every 4xx the same way. Problems that already carry a code are left alone.
/// </summary>
internal static class StatusProblemCodes
{
    public static IServiceCollection AddStatusProblemCodes(this IServiceCollection services)
    {
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var inner = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                inner?.Invoke(context);
                Fill(context.ProblemDetails.Extensions, context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
            };
        });
        return services;
    }

    internal static void Fill(IDictionary<string, object?> extensions, int status)
    {
        if (extensions.ContainsKey("code"))
        {
            return;
        }

        var (code, message) = Describe(status);
        extensions["code"] = code;
        extensions.TryAdd("errors", new[] { new ProblemError(code, message, null) });
    }

    private static (string Code, string Message) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("bad_request", "The request is not valid."),
        StatusCodes.Status401Unauthorized => ("unauthorized", "Send a valid bearer token in the Authorization header."),
        StatusCodes.Status403Forbidden => ("forbidden", "The token does not grant the role or scope this endpoint needs."),
        StatusCodes.Status404NotFound => ("not_found", "No such resource."),
        StatusCodes.Status405MethodNotAllowed => ("method_not_allowed", "This resource does not accept that method."),
        StatusCodes.Status406NotAcceptable => ("not_acceptable", "This resource cannot answer in the media type asked for."),
        StatusCodes.Status413PayloadTooLarge => ("payload_too_large", "The request body is larger than this endpoint accepts."),
        StatusCodes.Status415UnsupportedMediaType => ("unsupported_media_type", "This endpoint does not accept that Content-Type."),
        StatusCodes.Status429TooManyRequests => ("too_many_requests", "Too many requests; retry later."),
        >= 500 => ("internal_error", "An unexpected error occurred; it has been logged."),
        _ => ($"http_{status}", "The request cannot be served."),
    };
}
