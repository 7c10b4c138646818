namespace Promotions.Domain.Redemptions;

/// <summary>A response kept for an idempotency key and replayed as is: status, JSON body and Location header.</summary>
public sealed record StoredResponse(int Status, string Body, string? Location = null);
