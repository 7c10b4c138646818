namespace Promotions.Domain.Redemptions;

/// <summary>
/// What the ledger's counters hold: redemptions of a promotion (reservations included), those of one
/// customer, and the money spent from a campaign budget. The counters, not the catalog documents, are the
/// authority on usage.
/// </summary>
public sealed record LedgerUsage(long PromotionRedemptions, long CustomerRedemptions, decimal BudgetSpent);
