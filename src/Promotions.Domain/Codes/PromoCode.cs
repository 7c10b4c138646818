namespace Promotions.Domain.Codes;

/// <summary>
/// A redeemable code of a promotion. <paramref name="Code"/> is stored normalized. A code may be used
/// <paramref name="MaxUses"/> times (1 for single-use) and may be assigned to one customer.
/// </summary>
public sealed record PromoCode(
    string Id,
    string PromotionId,
    string Code,
    int Uses,
    int MaxUses,
    bool Active,
    DateTimeOffset? ExpiresAt,
    string? AssignedCustomerId = null)
{
    public bool Used => Uses > 0;

    public bool Exhausted => Uses >= MaxUses;
}
