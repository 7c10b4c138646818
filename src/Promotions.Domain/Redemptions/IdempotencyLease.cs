namespace Promotions.Domain.Redemptions;

/// <summary>
/// The right to complete one idempotency key: whoever holds the lease token is the one request allowed to
/// store the response. The ledger completes the key inside the transaction of the effect, conditioned on the
/// token, so a request whose lease was taken over can never apply its effect a second time.
/// </summary>
public sealed record IdempotencyLease(string Scope, string Key, string RequestHash, string Token);
