namespace Promotions.Domain.Analytics;

/// <summary>What a consumer did with an envelope.</summary>
public enum ConsumeOutcome
{
    /// <summary>Counted.</summary>
    Applied,

    /// <summary>Its event id was counted before; nothing changed.</summary>
    Duplicate,

    /// <summary>A type or version this consumer does not read; kept for a later version.</summary>
    Parked,

    /// <summary>Not an event envelope; not accepted, so the sender retries it (or dead-letters it).</summary>
    Malformed,
}
