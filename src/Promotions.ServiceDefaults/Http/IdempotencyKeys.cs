using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Promotions.ServiceDefaults.Http;

/// <summary>
/// The <c>Idempotency-Key</c> header of the endpoints that honour it. An endpoint declares it where it is mapped
/// (<see cref="RequireIdempotencyKey"/>), which puts it in the OpenAPI document with the statuses it brings; the
/// handler reads it only through <see cref="Read"/>, which refuses an endpoint that did not declare it, so the
/// document and the behaviour cannot drift apart.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The response header of an answer replayed from a stored one.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 128;

    /// <summary>Declares the header (required) and its refusals: 400 missing or malformed, 409 in flight, 422 reused.</summary>
    public static RouteHandlerBuilder RequireIdempotencyKey(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(Declared.Instance)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>Whether an endpoint's <paramref name="metadata"/> declares the header.</summary>
    public static bool IsDeclaredIn(IEnumerable<object>? metadata) => metadata?.OfType<Declared>().Any() == true;

    /// <summary>The key the request carries (empty when none).</summary>
    /// <exception cref="InvalidOperationException">The endpoint reads the key without declaring it.</exception>
    public static string Read(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var endpoint = http.GetEndpoint();
        if (!IsDeclaredIn(endpoint?.Metadata))
        {
            throw new InvalidOperationException(
                $"{endpoint?.DisplayName ?? http.Request.Path} reads {Header} without declaring it: add RequireIdempotencyKey() where it is mapped.");
        }

        return http.Request.Headers[Header].ToString();
    }

    private sealed class Declared
    {
        public static readonly Declared Instance = new();
    }
}
