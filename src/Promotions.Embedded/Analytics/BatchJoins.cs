using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// What the events of one analytics transaction join, by join key: the facts and campaign links stored before it,
/// then what each event of the batch remembers as it applies, so a later event of the batch sees it exactly as it
/// would have read it back from the tables.
/// </summary>
internal sealed class BatchJoins
{
    private readonly Dictionary<string, List<DomainEvent>> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _campaigns = new(StringComparer.Ordinal);

    public void AddFact(string key, DomainEvent fact)
    {
        if (!_facts.TryGetValue(key, out var list))
        {
            _facts[key] = list = [];
        }

        // The table keeps one fact per event id (INSERT OR IGNORE).
        if (!list.Exists(f => string.Equals(f.EventId, fact.EventId, StringComparison.Ordinal)))
        {
            list.Add(fact);
        }
    }

    public void AddCampaign(string promotionId, string campaignId)
    {
        if (!_campaigns.TryGetValue(promotionId, out var list))
        {
            _campaigns[promotionId] = list = [];
        }

        // The table keeps one link per (promotion, campaign) (INSERT OR IGNORE).
        if (!list.Contains(campaignId, StringComparer.Ordinal))
        {
            list.Add(campaignId);
        }
    }

    /// <summary>What an event under <paramref name="key"/> joins now, in the tables' key order (event id, campaign id).</summary>
    public RelatedFacts Related(string key)
    {
        var facts = _facts.TryGetValue(key, out var f) ? f : [];
        var campaigns = _campaigns.TryGetValue(key, out var c) ? c : [];
        if (facts.Count == 0 && campaigns.Count == 0)
        {
            return RelatedFacts.None;
        }

        facts.Sort(static (a, b) => string.CompareOrdinal(a.EventId, b.EventId));
        campaigns.Sort(StringComparer.Ordinal);

        return new RelatedFacts(
            [.. facts.OfType<RedemptionRecorded>()], [.. facts.OfType<RedemptionReversed>()], [.. facts.OfType<CodesGenerated>()], [.. campaigns]);
    }

    /// <summary>Remembers what <paramref name="change"/> stores for later events, as the tables will hold it.</summary>
    public void Add(string? key, AnalyticsChange change)
    {
        if (change.Remember is { } remembered && key is not null)
        {
            AddFact(key, remembered);
        }

        if (change.Link is { } link)
        {
            AddCampaign(link.PromotionId, link.CampaignId);
        }
    }
}
