namespace Promotions.Domain.CodeAttempts;

/// <summary>
/// How many unknown codes one key (a caller or a customer) may try in a window before its code attempts are locked,
/// and for how long. The window opens at the first unknown code and runs for <see cref="Window"/>; the next unknown
/// code after it opens a new one.
/// </summary>
/// <param name="MaxUnknown">Unknown codes in one window that lock the key; the attempt that reaches it is the last one answered.</param>
/// <param name="Window">How long a window of counting runs.</param>
/// <param name="Lockout">How long the key stays locked once it reached <paramref name="MaxUnknown"/>.</param>
public sealed record CodeAttemptLimit(int MaxUnknown, TimeSpan Window, TimeSpan Lockout)
{
    /// <summary>
    /// How long a store keeps a count after its last change: anything it says later is of no use, since the window
    /// has ended and any lock set with that change has run out.
    /// </summary>
    public TimeSpan Retention => Window > Lockout ? Window : Lockout;

    /// <summary>True when <paramref name="count"/> is of a window still open at <paramref name="now"/>.</summary>
    public bool IsOpen(CodeAttemptCount count, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(count);
        return count.WindowStart > now - Window;
    }

    /// <summary>True when the open window of <paramref name="count"/> holds as many unknown codes as lock the key.</summary>
    public bool IsReached(CodeAttemptCount count, DateTimeOffset now) => IsOpen(count, now) && count.Unknown >= MaxUnknown;
}
