using System.Collections.Frozen;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// Counters read in one batch: redemptions per promotion (reservations included), one customer's redemptions
/// per promotion, redemptions per promotion and period (and the customer's), and money spent per campaign budget (in the budget's currency). Every id the
/// <see cref="UsageQuery"/> asked for has an entry, zero when the counter was never used; an id it did not ask
/// for reads as zero too.
/// </summary>
public sealed class UsageCounts
{
    public UsageCounts(
        IReadOnlyDictionary<string, long> promotionRedemptions,
        IReadOnlyDictionary<string, long> customerRedemptions,
        IReadOnlyDictionary<string, decimal> budgetSpent)
    {
        ArgumentNullException.ThrowIfNull(promotionRedemptions);
        ArgumentNullException.ThrowIfNull(customerRedemptions);
        ArgumentNullException.ThrowIfNull(budgetSpent);
        PromotionRedemptions = promotionRedemptions;
        CustomerRedemptions = customerRedemptions;
        BudgetSpent = budgetSpent;
    }

    /// <summary>No counter read: every promotion, customer and budget at zero.</summary>
    public static UsageCounts Empty { get; } = new(
        FrozenDictionary<string, long>.Empty, FrozenDictionary<string, long>.Empty, FrozenDictionary<string, decimal>.Empty);

    /// <summary>Redemptions and live holds of each promotion, by promotion id.</summary>
    public IReadOnlyDictionary<string, long> PromotionRedemptions { get; }

    /// <summary>Redemptions and live holds of the queried customer, by promotion id.</summary>
    public IReadOnlyDictionary<string, long> CustomerRedemptions { get; }

    /// <summary>Money charged to each campaign budget (holds included), by campaign id.</summary>
    public IReadOnlyDictionary<string, decimal> BudgetSpent { get; }

    /// <summary>Redemptions and live holds of each promotion in each period asked for.</summary>
    public IReadOnlyDictionary<PeriodCounter, long> PeriodRedemptions { get; init; } = FrozenDictionary<PeriodCounter, long>.Empty;

    /// <summary>Redemptions and live holds of the queried customer in each period asked for.</summary>
    public IReadOnlyDictionary<PeriodCounter, long> CustomerPeriodRedemptions { get; init; } = FrozenDictionary<PeriodCounter, long>.Empty;

    public long Promotion(string promotionId) => PromotionRedemptions.GetValueOrDefault(promotionId);

    public long Period(PeriodCounter counter) => PeriodRedemptions.GetValueOrDefault(counter);

    public long CustomerPeriod(PeriodCounter counter) => CustomerPeriodRedemptions.GetValueOrDefault(counter);

    public long Customer(string promotionId) => CustomerRedemptions.GetValueOrDefault(promotionId);

    public decimal Budget(string campaignId) => BudgetSpent.GetValueOrDefault(campaignId);

    /// <summary>These promotion and budget counters with <paramref name="customer"/>'s per-promotion counters.</summary>
    public UsageCounts WithCustomer(UsageCounts customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new UsageCounts(PromotionRedemptions, customer.CustomerRedemptions, BudgetSpent)
        {
            PeriodRedemptions = PeriodRedemptions,
            CustomerPeriodRedemptions = customer.CustomerPeriodRedemptions,
        };
    }
}
