namespace Promotions.Domain.Redemptions;

/// <summary>What starting a request under an idempotency key found.</summary>
public enum IdempotencyState
{
    /// <summary>The key is new (or its earlier lease ran out): the caller holds the lease and does the work.</summary>
    Started,

    /// <summary>The same request already completed: replay <see cref="IdempotencyBegin.Response"/>.</summary>
    Completed,

    /// <summary>The same key is being handled by another request right now.</summary>
    InProgress,

    /// <summary>The key was used with a different request (another body or route).</summary>
    Mismatch,
}

/// <summary>The outcome of <c>IIdempotencyStore.BeginAsync</c>.</summary>
public sealed record IdempotencyBegin(IdempotencyState State, IdempotencyLease? Lease = null, StoredResponse? Response = null);
