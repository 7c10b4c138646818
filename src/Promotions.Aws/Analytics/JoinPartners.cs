using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Aws.Analytics;

/// <summary>
/// The partners an event joins under its join key, and what each pair adds. A pair's sums are what the
/// projection (<see cref="AnalyticsProjection"/>) adds for the event when it knows that one partner, less what it
/// adds knowing none; that is the same from both sides of the pair, so whichever side writes it writes the
/// same cells, once, under the pair's claim.
/// </summary>
internal static class JoinPartners
{
    /// <summary>
    /// The sort-key prefix, under the join key, of the items an event combines with; null when it combines with
    /// none. Only the partner kind is read: a code batch reads the promotion's links, not its other batches.
    /// </summary>
    public static string? PrefixOf(DomainEvent domainEvent) => domainEvent switch
    {
        RedemptionRecorded => AnalyticsKeys.FactSk(RedemptionReversed.TypeName, ""),
        RedemptionReversed => AnalyticsKeys.FactSk(RedemptionRecorded.TypeName, ""),
        CodesGenerated => AnalyticsKeys.LinkPrefix,
        PromotionPublished or PromotionChanged => AnalyticsKeys.FactSk(CodesGenerated.TypeName, ""),
        _ => null,
    };

    /// <summary>The pairs <paramref name="domainEvent"/> forms with the partner facts and campaign links it read.</summary>
    public static IReadOnlyList<JoinedPair> Pairs(
        DomainEvent domainEvent, AnalyticsChange alone, IReadOnlyList<DomainEvent> facts, IReadOnlyList<string> campaigns)
    {
        ArgumentNullException.ThrowIfNull(alone);
        var pairs = new List<JoinedPair>();
        foreach (var partner in facts.Where(f => f.EventId != domainEvent.EventId))
        {
            var related = partner switch
            {
                RedemptionRecorded r => new RelatedFacts([r], [], [], []),
                RedemptionReversed v => new RelatedFacts([], [v], [], []),
                CodesGenerated g => new RelatedFacts([], [], [g], []),
                _ => RelatedFacts.None,
            };
            var id = (domainEvent, partner) switch
            {
                (PromotionPublished or PromotionChanged, CodesGenerated g) => LinkPairId(g.EventId, alone.Link?.CampaignId ?? ""),
                _ => string.CompareOrdinal(domainEvent.EventId, partner.EventId) < 0
                    ? $"{domainEvent.EventId}#{partner.EventId}" : $"{partner.EventId}#{domainEvent.EventId}",
            };
            Add(pairs, id, domainEvent, related, alone);
        }

        foreach (var campaign in campaigns)
        {
            Add(pairs, LinkPairId(domainEvent.EventId, campaign), domainEvent, new RelatedFacts([], [], [], [campaign]), alone);
        }

        return pairs;
    }

    private static string LinkPairId(string codesEventId, string campaignId) => $"{codesEventId}#LINK#{campaignId}";

    private static void Add(List<JoinedPair> pairs, string id, DomainEvent domainEvent, RelatedFacts related, AnalyticsChange alone)
    {
        var with = Sums(AnalyticsProjection.Apply(domainEvent, related).Contributions);
        var without = Sums(alone.Contributions);
        var added = with
            .Select(c => new Contribution(c.Key, CellSums.Minus(c.Value, without.GetValueOrDefault(c.Key))))
            .Where(c => c.Delta != default)
            .ToList();
        if (added.Count > 0)
        {
            pairs.Add(new JoinedPair(id, added));
        }
    }

    private static Dictionary<BucketKey, Measures> Sums(IEnumerable<Contribution> contributions) =>
        contributions.GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Aggregate(default(Measures), (sum, c) => sum + c.Delta));
}
