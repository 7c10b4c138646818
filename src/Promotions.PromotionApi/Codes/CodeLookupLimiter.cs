using System.Threading.RateLimiting;

namespace Promotions.PromotionApi.Codes;

/// <summary>
/// Abuse defence for the code lookup: a fixed window of permits per token subject, so one caller cannot walk
/// the code space. An endpoint filter rather than the rate-limiting middleware, so that every host composing
/// this service (alone, or the local host) enforces it without a pipeline change.
/// </summary>
internal sealed class CodeLookupLimiter : IDisposable
{
    /// <summary>Lookups one caller may make per window.</summary>
    public const int DefaultPermitsPerWindow = 60;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _limiter;

    public CodeLookupLimiter(IConfiguration configuration)
    {
        var permits = configuration.GetValue("PromotionApi:CodeLookupPermitsPerMinute", DefaultPermitsPerWindow);
        _limiter = PartitionedRateLimiter.Create<string, string>(subject => RateLimitPartition.GetFixedWindowLimiter(
            subject,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public RateLimitLease Acquire(string subject) => _limiter.AttemptAcquire(subject);

    public void Dispose() => _limiter.Dispose();
}
