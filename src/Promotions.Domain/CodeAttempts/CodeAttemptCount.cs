namespace Promotions.Domain.CodeAttempts;

/// <summary>
/// The unknown codes a key (<see cref="CodeAttemptKeys"/>) tried in its current window, as stored, and the end of
/// its lock if it was ever locked (a past instant once the lock ran out).
/// </summary>
public sealed record CodeAttemptCount(string Key, DateTimeOffset WindowStart, int Unknown, DateTimeOffset? LockedUntil)
{
    /// <summary>True while the key's lock runs.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil > now;
}
