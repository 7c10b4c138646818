namespace Promotions.Domain.Redemptions;

/// <summary>
/// Completes an idempotency key together with a ledger change: on success the ledger calls
/// <paramref name="Render"/> on the result and stores that response in the same transaction.
/// </summary>
public sealed record Idempotent<T>(IdempotencyLease Lease, Func<T, StoredResponse> Render);
