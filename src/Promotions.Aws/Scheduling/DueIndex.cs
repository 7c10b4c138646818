using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Aws.Scheduling;

/// <summary>
/// The schedule's index (<c>gsi3</c>, docs/dynamodb.md): a campaign or promotion that may still take a step by its dates
/// carries <c>gsi3pk</c> <c>DUE#CAMPAIGN</c> or <c>DUE#PROMOTION</c> and <c>gsi3sk</c> <c>&lt;next step at, UTC ticks, 19
/// digits&gt;#&lt;id&gt;</c>, written by the item's own write (so it cannot drift from the dates and status it was computed
/// from); one that can take none leaves both out. One query per kind, <c>gsi3sk &lt; now + 1 tick</c>, then finds every
/// item with a step due and nothing else but the promotions waiting on their campaign.
/// </summary>
internal static class DueIndex
{
    public const string Campaigns = "DUE#CAMPAIGN";

    public const string Promotions = "DUE#PROMOTION";

    /// <summary>The index attributes of a campaign: its start while scheduled, its end while not finished, the earlier of the two.</summary>
    public static IEnumerable<KeyValuePair<string, AttributeValue?>> Of(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Entry(Campaigns, campaign.Id, NextStepAt(campaign.Status, campaign.StartsAt, campaign.EndsAt));
    }

    /// <summary>
    /// The index attributes of a promotion, as for a campaign on its own dates; a scheduled promotion without a start date
    /// of its own follows its campaign, whose dates and status are not in its item, so it is due from the beginning of time
    /// (read by every pass until it goes live or leaves <c>scheduled</c>).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, AttributeValue?>> Of(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var followsCampaign = promotion is { Status: LifecycleStatus.Scheduled, StartsAt: null };
        return Entry(Promotions, promotion.Id, followsCampaign ? DateTimeOffset.MinValue : NextStepAt(promotion.Status, promotion.StartsAt, promotion.EndsAt));
    }

    /// <summary>The exclusive upper bound of the sort keys due at <paramref name="now"/> (every step at or before it).</summary>
    public static string Bound(DateTimeOffset now) => Ticks(now.UtcTicks + 1);

    private static DateTimeOffset? NextStepAt(LifecycleStatus status, DateTimeOffset? startsAt, DateTimeOffset? endsAt) => status switch
    {
        LifecycleStatus.Scheduled => startsAt is { } start && (endsAt is not { } end || start <= end) ? start : endsAt,
        LifecycleStatus.Active or LifecycleStatus.Paused => endsAt,
        _ => null,
    };

    private static KeyValuePair<string, AttributeValue?>[] Entry(string partition, string id, DateTimeOffset? at) => at is { } due
        ? [new(TableLayout.Gsi3Pk, Attr.S(partition)), new(TableLayout.Gsi3Sk, Attr.S($"{Ticks(due.UtcTicks)}#{id}"))]
        : [];

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
