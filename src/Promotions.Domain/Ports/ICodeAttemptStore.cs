using Promotions.Domain.CodeAttempts;

namespace Promotions.Domain.Ports;

/// <summary>
/// Counts of unknown codes per key (<see cref="CodeAttemptKeys"/>), shared by every process, so code guessing is
/// limited however many processes or functions answer. Only the failing path writes: a request whose codes all exist
/// reads at most once (<see cref="FindAsync"/>), and <see cref="CodeAttemptGuard"/> answers most of those from memory.
/// </summary>
public interface ICodeAttemptStore
{
    /// <summary>The stored counts of <paramref name="keys"/> (a caller's and a customer's), in one read; a key never counted has none.</summary>
    Task<IReadOnlyList<CodeAttemptCount>> FindAsync(IReadOnlyList<string> keys, CancellationToken ct);

    /// <summary>
    /// Adds <paramref name="unknown"/> unknown codes to the open window of <paramref name="key"/>, atomically; when its
    /// window has ended (it started at or before <paramref name="now"/> minus the limit's window) or it has none, a new
    /// window starts at <paramref name="now"/> with just these. A lock is kept either way. The count is kept at least the
    /// limit's <see cref="CodeAttemptLimit.Retention"/> after <paramref name="now"/>. Returns the count after the change.
    /// </summary>
    Task<CodeAttemptCount> AddUnknownAsync(string key, int unknown, DateTimeOffset now, CodeAttemptLimit limit, CancellationToken ct);

    /// <summary>
    /// Locks a counted key until <paramref name="until"/>; a lock that already ends later stays, and a key with no count
    /// is left alone (the lock follows <see cref="AddUnknownAsync"/>, which kept the count long enough for it).
    /// </summary>
    Task LockAsync(string key, DateTimeOffset until, CancellationToken ct);
}
