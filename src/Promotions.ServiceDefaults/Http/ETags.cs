using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Promotions.ServiceDefaults.Http;

/// <summary>
/// Entity tags are the stored version in quotes; <c>If-Match</c> carries the version a client read. An endpoint
/// declares where it is mapped that it answers an <c>ETag</c> (<see cref="ReturnsETag"/>) or requires
/// <c>If-Match</c> (<see cref="RequireIfMatch"/>), which puts them in the OpenAPI document; <see cref="Set"/> and
/// <see cref="TryReadIfMatch"/> refuse an endpoint that did not, so the document and the behaviour cannot drift apart.
/// </summary>
public static class ETags
{
    public const string IfMatchHeader = "If-Match";

    public static string Format(long version) => $"\"{version}\"";

    /// <summary>Declares the <c>ETag</c> of the item in the endpoint's successful answers.</summary>
    public static RouteHandlerBuilder ReturnsETag(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new Declared(IfMatch: false));
    }

    /// <summary>
    /// Declares a versioned write: <c>If-Match</c> required (428 without it, 412 when stale), and the new
    /// <c>ETag</c> in the successful answer.
    /// </summary>
    public static RouteHandlerBuilder RequireIfMatch(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new Declared(IfMatch: true))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    /// <summary>Whether an endpoint's <paramref name="metadata"/> declares an <c>ETag</c> answer.</summary>
    public static bool ReturnsETagIn(IEnumerable<object>? metadata) => metadata?.OfType<Declared>().Any() == true;

    /// <summary>Whether an endpoint's <paramref name="metadata"/> declares <c>If-Match</c> required.</summary>
    public static bool RequiresIfMatchIn(IEnumerable<object>? metadata) => metadata?.OfType<Declared>().Any(d => d.IfMatch) == true;

    /// <exception cref="InvalidOperationException">The endpoint did not declare <see cref="ReturnsETag"/> or <see cref="RequireIfMatch"/>.</exception>
    public static void Set(HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        Require(response.HttpContext, ReturnsETagIn, "an ETag", nameof(ReturnsETag));
        response.Headers.ETag = Format(version);
    }

    /// <summary>The version named by <c>If-Match</c>; false when the header is absent or not one of ours.</summary>
    /// <exception cref="InvalidOperationException">The endpoint did not declare <see cref="RequireIfMatch"/>.</exception>
    public static bool TryReadIfMatch(HttpRequest request, out long version)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(request.HttpContext, RequiresIfMatchIn, IfMatchHeader, nameof(RequireIfMatch));
        version = 0;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || !EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak)
        {
            return false;
        }

        return long.TryParse(tag.Tag.AsSpan().Trim('"'), out version) && version > 0;
    }

    private static void Require(HttpContext http, Func<IEnumerable<object>?, bool> declared, string what, string declaration)
    {
        var endpoint = http.GetEndpoint();
        if (!declared(endpoint?.Metadata))
        {
            throw new InvalidOperationException(
                $"{endpoint?.DisplayName ?? http.Request.Path} uses {what} without declaring it: add {declaration}() where it is mapped.");
        }
    }

    private sealed record Declared(bool IfMatch);
}
