using Promotions.Domain.Events;

namespace Promotions.Domain.Analytics;

/// <summary>
/// What earlier events left behind under an event's join key (<see cref="AnalyticsProjection.JoinKey"/>):
/// the redemptions and reversals of one redemption id, or the code batches and campaign links of one promotion.
/// </summary>
public sealed record RelatedFacts(
    IReadOnlyList<RedemptionRecorded> Redemptions,
    IReadOnlyList<RedemptionReversed> Reversals,
    IReadOnlyList<CodesGenerated> Codes,
    IReadOnlyList<string> Campaigns)
{
    public static RelatedFacts None { get; } = new([], [], [], []);
}
