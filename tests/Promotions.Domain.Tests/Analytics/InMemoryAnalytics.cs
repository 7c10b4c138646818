using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Domain.Tests.Analytics;

/// <summary>
/// The projection driven the way a store drives it: deduplicate by event id, load what is remembered under
/// the join key, apply the change. Dictionaries stand in for tables.
/// </summary>
internal sealed class InMemoryAnalytics
{
    private readonly HashSet<string> _processed = new(StringComparer.Ordinal);
    private readonly List<(string Key, DomainEvent Event)> _facts = [];
    private readonly HashSet<PromotionLink> _links = [];

    public Dictionary<BucketKey, Measures> Cells { get; } = [];

    public HashSet<CustomerMark> Customers { get; } = [];

    public bool Apply(DomainEvent domainEvent)
    {
        if (!_processed.Add(domainEvent.EventId))
        {
            return false;
        }

        var key = AnalyticsProjection.JoinKey(domainEvent);
        var related = key is null ? RelatedFacts.None : Related(key);
        var change = AnalyticsProjection.Apply(domainEvent, related);
        foreach (var contribution in change.Contributions)
        {
            Cells[contribution.Key] = Cells.GetValueOrDefault(contribution.Key) + contribution.Delta;
        }

        Customers.UnionWith(change.Customers);
        if (change.Remember is { } remembered)
        {
            _facts.Add((key!, remembered));
        }

        if (change.Link is { } link)
        {
            _links.Add(link);
        }

        return true;
    }

    private RelatedFacts Related(string key)
    {
        var events = _facts.Where(f => f.Key == key).Select(f => f.Event).ToList();
        return new RelatedFacts(
            [.. events.OfType<RedemptionRecorded>()],
            [.. events.OfType<RedemptionReversed>()],
            [.. events.OfType<CodesGenerated>()],
            [.. _links.Where(l => l.PromotionId == key).Select(l => l.CampaignId)]);
    }
}
