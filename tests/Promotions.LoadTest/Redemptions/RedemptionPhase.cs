namespace Promotions.LoadTest.Redemptions;

/// <summary>
/// One redemption target and the catalog it runs against: its promotion (redeemed by <paramref name="Code"/>, or
/// by id when null), campaign, customer (null: a guest), cap and budget, and whether the run must use the cap up.
/// </summary>
internal sealed record RedemptionPhase(
    string PromotionId, string CampaignId, string? Code, string? CustomerId, int Cap, decimal Budget, bool MustExhaust, LoadTarget Target);
