using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Events;

/// <summary>
/// The events of the redemption ledger, built from the records they report, so every ledger adapter emits the
/// same events for the same change.
/// </summary>
public static class RedemptionEvents
{
    public static RedemptionRecorded Recorded(Redemption redemption, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(redemption);
        return new RedemptionRecorded(
            NewId(clock), clock.GetUtcNow(), redemption.Id, redemption.PromotionId, redemption.CampaignId, redemption.Code,
            redemption.CustomerId, redemption.Channel, redemption.OrderId, redemption.OrderTotal, redemption.DiscountAmount,
            redemption.Currency, redemption.Allocations, redemption.CustomerSegmentIds)
        {
            Revenue = redemption.Revenue,
            Stage = redemption.Stage,
        };
    }

    public static ReservationExpired Expired(Redemption hold, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return new ReservationExpired(NewId(clock), clock.GetUtcNow(), hold.Id, hold.PromotionId, hold.CampaignId, hold.DiscountAmount, hold.Currency);
    }

    public static ReservationReleased Released(Redemption hold, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return new ReservationReleased(NewId(clock), clock.GetUtcNow(), hold.Id, hold.PromotionId, hold.CampaignId, hold.DiscountAmount, hold.Currency);
    }

    /// <summary>One promotion's part of reversal <paramref name="reversalId"/>: <paramref name="plan"/> for the part <paramref name="after"/>.</summary>
    public static RedemptionReversed Reversed(string reversalId, Redemption after, ReversalPlan plan, DateTimeOffset now, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(plan);
        return new RedemptionReversed(
            NewId(clock), now, reversalId, after.Id, after.PromotionId, after.CampaignId,
            after.CustomerId, plan.Amount, after.RemainingDiscount, after.Currency, plan.Full, plan.Lines);
    }

    /// <summary>
    /// The thresholds of <see cref="BudgetThresholdCrossed.Thresholds"/> that a spend going from
    /// <paramref name="beforeMinor"/> to <paramref name="afterMinor"/> (minor units) reached, compared exactly in integers.
    /// </summary>
    public static IEnumerable<BudgetThresholdCrossed> ThresholdsCrossed(
        string campaignId, long beforeMinor, long afterMinor, long budgetMinor, string currency, TimeProvider clock)
    {
        foreach (var percent in BudgetThresholdCrossed.Thresholds)
        {
            var line = (decimal)budgetMinor * percent;
            if (beforeMinor * 100m < line && afterMinor * 100m >= line)
            {
                yield return ThresholdCrossed(campaignId, percent, afterMinor, budgetMinor, currency, clock);
            }
        }
    }

    /// <summary>The crossing of <paramref name="percent"/> % with a spend of <paramref name="spentMinor"/> (minor units).</summary>
    public static BudgetThresholdCrossed ThresholdCrossed(
        string campaignId, int percent, long spentMinor, long budgetMinor, string currency, TimeProvider clock) =>
        new(NewId(clock), clock.GetUtcNow(), campaignId, percent,
            Money.FromMinor(spentMinor, currency), Money.FromMinor(budgetMinor, currency), currency);

    private static string NewId(TimeProvider clock) => Ids.New(DomainEvent.IdPrefix, clock);
}
