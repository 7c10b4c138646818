namespace Promotions.Aws.Redemptions;

/// <summary>A campaign budget as one redemption is charged to it: the discount and the budget in minor units, and the budget's shards.</summary>
internal sealed record BudgetTerms(string CampaignId, string Currency, long AmountMinor, long BudgetMinor, int Shards);
