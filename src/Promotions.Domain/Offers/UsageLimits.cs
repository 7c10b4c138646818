using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Offers;

/// <summary>
/// Whether the ledger's counters leave room for a promotion, in the order the ledger checks them: the promotion
/// cap, the customer's limit, the period limits, the campaign budget. Advisory: the redemption's atomic step decides.
/// </summary>
public static class UsageLimits
{
    /// <summary>
    /// Null when there is room; otherwise <c>promotion_exhausted</c> (redemptions and holds reached
    /// <c>maxRedemptions</c>), <c>customer_limit_reached</c> (this customer reached <c>perCustomerLimit</c>; only
    /// for a known customer), <c>period_limit_reached</c> or <c>customer_period_limit_reached</c> (a limit of the
    /// period <paramref name="now"/> falls in is reached) or <c>budget_exhausted</c> (nothing of the budget remains).
    /// </summary>
    public static string? Check(LivePromotion live, UsageCounts usage, string? customerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(usage);
        var promotion = live.Promotion;
        if (promotion.MaxRedemptions is { } cap && usage.Promotion(promotion.Id) >= cap)
        {
            return OfferReasons.PromotionExhausted;
        }

        if (customerId is not null && promotion.PerCustomerLimit is { } limit && usage.Customer(promotion.Id) >= limit)
        {
            return OfferReasons.CustomerLimitReached;
        }

        foreach (var period in promotion.PeriodLimits)
        {
            var counter = new PeriodCounter(promotion.Id, PeriodKeys.Of(period.Period, now));
            if (!period.PerCustomer && usage.Period(counter) >= period.Max)
            {
                return OfferReasons.PeriodLimitReached;
            }

            if (period.PerCustomer && customerId is not null && usage.CustomerPeriod(counter) >= period.Max)
            {
                return OfferReasons.CustomerPeriodLimitReached;
            }
        }

        return RemainingBudget(live, usage) <= 0m ? OfferReasons.BudgetExhausted : null;
    }

    /// <summary>What remains of the campaign's budget, or null when it has none.</summary>
    public static decimal? RemainingBudget(LivePromotion live, UsageCounts usage)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(usage);
        return live.Campaign.Budget is { } budget ? budget.Amount - usage.Budget(live.Campaign.Id) : null;
    }

    /// <summary>
    /// False when the campaign has a budget and <paramref name="discount"/> is more than what remains of it:
    /// the ledger refuses such a redemption whole (<c>budget_exhausted</c>), it never grants part of a discount.
    /// </summary>
    public static bool Covers(LivePromotion live, UsageCounts usage, decimal discount) =>
        RemainingBudget(live, usage) is not { } remaining || discount <= remaining;
}
