using Promotions.Domain.Redemptions;
using Promotions.ServiceDefaults.Http;

namespace Promotions.Redemption.Idempotency;

/// <summary>
/// Writes a stored response byte for byte: the first answer and every replay of it are the same JSON, which a
/// typed result re-serialized from today's state could not promise.
/// </summary>
internal sealed class StoredJsonResult(StoredResponse response, bool replayed) : IResult
{
    public const string ReplayedHeader = IdempotencyKeys.ReplayedHeader;

    public StoredResponse Response { get; } = response;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var http = httpContext.Response;
        http.StatusCode = Response.Status;
        http.ContentType = Response.Status >= 400 ? "application/problem+json" : "application/json; charset=utf-8";
        if (Response.Location is { } location)
        {
            http.Headers.Location = location;
        }

        if (replayed)
        {
            http.Headers[ReplayedHeader] = "true";
        }

        await http.WriteAsync(Response.Body, httpContext.RequestAborted);
    }
}
