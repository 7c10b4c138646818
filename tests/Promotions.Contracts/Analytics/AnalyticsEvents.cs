using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Contracts.Analytics;

/// <summary>Events as the ledger and the catalog write them, with only the members analytics reads varying.</summary>
public static class AnalyticsEvents
{
    public static readonly DateTimeOffset Day0 = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static RedemptionRecorded Redeemed(
        string eventId, string redemptionId, string promotionId, string? campaignId, int day,
        decimal discount, decimal orderTotal, string channel = "web", string? customerId = "cus_1",
        string? code = null, string currency = "EUR", params string[] segments) =>
        new(eventId, Day0.AddDays(day), redemptionId, promotionId, campaignId, code, customerId, channel, "ord_" + redemptionId,
            orderTotal, discount, currency, [], segments);

    public static RedemptionReversed Reversed(
        string eventId, string redemptionId, string promotionId, string? campaignId, int day, decimal amount, bool full,
        string currency = "EUR") =>
        new(eventId, Day0.AddDays(day), "rev_" + eventId, redemptionId, promotionId, campaignId, "cus_1", amount, 0m, currency, full, []);

    public static CodesGenerated CodesIssued(string eventId, string promotionId, int day, long count) =>
        new(eventId, Day0.AddDays(day), promotionId, "job_" + eventId, count);

    public static PromotionPublished Published(string eventId, string promotionId, string campaignId, int day) =>
        new(eventId, Day0.AddDays(day), promotionId, campaignId, "Spring", PromotionKind.Automatic, ["web"], null, null);

    public static PromotionChanged Changed(string eventId, string promotionId, string campaignId, int day) =>
        new(eventId, Day0.AddDays(day), promotionId, campaignId, 2, LifecycleStatus.Active);

    public static BudgetThresholdCrossed Threshold(string eventId, string campaignId, int day, int percent, decimal budget) =>
        new(eventId, Day0.AddDays(day), campaignId, percent, budget * percent / 100m, budget, "EUR");

    public static ReservationExpired Expired(string eventId, string promotionId, int day) =>
        new(eventId, Day0.AddDays(day), "red_hold_" + eventId, promotionId, null, 5m, "EUR");
}
