using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Ports;

/// <summary>
/// Idempotency keys of mutating requests, scoped per caller. A request begins under its key (taking a lease),
/// and completes it with its response: inside the ledger's transaction when it changed something (see
/// <see cref="Idempotent{T}"/>), or here when it was refused without a change.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Starts a request: a new key (or one whose lease or retention ran out) gives a lease; the same request
    /// completed gives its response; the same request in flight gives <see cref="IdempotencyState.InProgress"/>;
    /// another request under the key gives <see cref="IdempotencyState.Mismatch"/>.
    /// </summary>
    Task<IdempotencyBegin> BeginAsync(string scope, string key, string requestHash, CancellationToken ct);

    /// <summary>Stores the response of a request that changed nothing; false when the lease was lost.</summary>
    Task<bool> CompleteAsync(IdempotencyLease lease, StoredResponse response, CancellationToken ct);

    /// <summary>
    /// Drops up to <paramref name="limit"/> keys past their retention; returns how many. A key past its retention is
    /// gone for <see cref="BeginAsync"/> whether or not it was dropped yet, so this only frees storage: a store that
    /// deletes expired keys by itself (DynamoDB's TTL) does nothing here and returns 0. It never drops a live key.
    /// </summary>
    Task<int> PurgeExpiredAsync(int limit, CancellationToken ct);
}
