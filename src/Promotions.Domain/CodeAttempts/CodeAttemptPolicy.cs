namespace Promotions.Domain.CodeAttempts;

/// <summary>
/// The limits of code guessing (docs/security.md, "Code guessing"): unknown codes are counted per caller (the token's
/// subject or client) and per customer, each against its own limit. A customer's is tight, since a person mistypes a
/// few codes at most; a caller's is looser, since one channel client (a web shop, a till) speaks for many customers,
/// and a wrong code of each of them counts against it.
/// </summary>
public sealed record CodeAttemptPolicy(CodeAttemptLimit PerCaller, CodeAttemptLimit PerCustomer)
{
    /// <summary>
    /// Per customer 10 unknown codes in 10 minutes, per caller 100, each locking for 15 minutes: a guesser gets about 40
    /// tries an hour for one customer and about 400 for one token, where an honest checkout mistypes a code or two.
    /// </summary>
    public static CodeAttemptPolicy Default { get; } = new(
        new CodeAttemptLimit(100, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15)),
        new CodeAttemptLimit(10, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15)));

    /// <summary>
    /// How long a process trusts a read that found a key with no recent unknown code and no lock, before it reads
    /// the key again. A lock set meanwhile by another process lets at most one more request of that key through
    /// here, whose unknown codes then find the lock when they are counted.
    /// </summary>
    public TimeSpan TrustClean { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The limit of a scope.</summary>
    public CodeAttemptLimit For(CodeAttemptScope scope) => scope == CodeAttemptScope.Caller ? PerCaller : PerCustomer;
}
