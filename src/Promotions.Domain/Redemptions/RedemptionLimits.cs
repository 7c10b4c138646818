namespace Promotions.Domain.Redemptions;

/// <summary>
/// The limits one redemption is checked against, copied from the live catalog (promotion and campaign) when
/// the request is handled. The ledger keeps usage only; the catalog stays the one place limits are configured,
/// so a cap lowered by an operator applies from the next redemption on. Null means "no limit".
/// </summary>
/// <param name="BudgetAmount">The campaign's discount budget in <paramref name="BudgetCurrency"/>.</param>
public sealed record RedemptionLimits(
    int? MaxRedemptions = null,
    int? PerCustomerLimit = null,
    decimal? BudgetAmount = null,
    string? BudgetCurrency = null)
{
    /// <summary>The promotion's limits per day or week (over every customer, or per customer).</summary>
    public IReadOnlyList<Promotions.PeriodLimit> PeriodLimits { get; init; } = [];

    public static RedemptionLimits None { get; } = new();
}
