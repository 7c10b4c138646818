namespace Promotions.Domain.Ports;

/// <summary>What a conditional write did. Stores never throw for these expected outcomes.</summary>
public enum WriteStatus
{
    /// <summary>Written; <see cref="WriteResult{T}.Value"/> holds the stored item (with its new version).</summary>
    Written,

    /// <summary>No item with that id.</summary>
    NotFound,

    /// <summary>The stored version differs from the expected one (optimistic concurrency: HTTP 412).</summary>
    VersionConflict,

    /// <summary>An item with that id (or unique key) already exists.</summary>
    Duplicate,
}

/// <summary>The outcome of a conditional write and, when written, the stored item.</summary>
public sealed record WriteResult<T>(WriteStatus Status, T? Value = default)
    where T : class;
