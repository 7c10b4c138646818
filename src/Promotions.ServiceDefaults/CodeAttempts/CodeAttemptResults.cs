using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Common;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.ServiceDefaults.CodeAttempts;

/// <summary>
/// <see cref="CodeAttemptGuard"/> at an endpoint that tries codes: the caller is the token's (<see cref="CallerScope"/>),
/// and a lockout is answered 429 <c>code_attempts_locked</c> with <c>Retry-After</c>, the same in every service.
/// </summary>
public static class CodeAttemptResults
{
    public const string Locked = "code_attempts_locked";

    /// <summary>
    /// The 429 of the lockout of the caller of <paramref name="http"/> or of <paramref name="customerId"/>, or null
    /// when codes may be tried. A request without codes is never refused and asks nothing of the store.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseIfLockedAsync(
        this CodeAttemptGuard guard, HttpContext http, string? customerId, IReadOnlyCollection<string>? codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(http);
        if (codes is not { Count: > 0 })
        {
            return null;
        }

        var lockout = await guard.CheckAsync(CallerScope.Of(http.User).CallerId, customerId, ct);
        return lockout is null ? null : Refuse(http, lockout);
    }

    /// <summary>Counts <paramref name="unknown"/> codes that do not exist, tried by the caller of <paramref name="http"/> for <paramref name="customerId"/>.</summary>
    public static Task<Lockout?> RecordUnknownAsync(this CodeAttemptGuard guard, HttpContext http, string? customerId, int unknown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(http);
        return guard.RecordUnknownAsync(CallerScope.Of(http.User).CallerId, customerId, unknown, ct);
    }

    /// <summary>The 429 of <paramref name="lockout"/>; sets <c>Retry-After</c> on the response.</summary>
    public static ProblemHttpResult Refuse(HttpContext http, Lockout lockout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(lockout);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var seconds = lockout.RetryAfterSeconds(now);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var whose = lockout.Scope == CodeAttemptScope.Customer ? "this customer" : "this client";
        var error = new DomainError(
            Locked,
            $"Too many codes that do not exist were tried for {whose}; codes can be tried again in {seconds} seconds.",
            lockout.Scope == CodeAttemptScope.Customer ? "$.customerId" : null);
        return Problems.From(error);
    }
}
