namespace Promotions.Domain.Redemptions;

/// <summary>How long idempotency keys live.</summary>
public static class IdempotencyWindow
{
    /// <summary>A completed key replays its response for at least this long (then a cleanup may drop it).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request may hold a key before another request with the same key may take it over; it only
    /// matters when a process dies mid-request, since the effect and the completion commit together.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
}
