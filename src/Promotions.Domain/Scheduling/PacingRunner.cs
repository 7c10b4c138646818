using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Scheduling;

/// <summary>
/// Budget pacing on the schedule's tick: for every active campaign with a paced budget, <see cref="Pace.Decide"/> on
/// the ledger's spend; a campaign <see cref="PaceState.Ahead"/> has its active promotions paused (marked
/// <see cref="Promotion.Paced"/>), one <see cref="PaceState.Behind"/> has the promotions pacing paused made active again.
/// Each move is a versioned write of the promotion with its events, as a lifecycle call writes it, by actor
/// <see cref="Actor"/>; the campaign's first move of a pass carries <c>campaign_paced</c> or <c>campaign_resumed</c>. A
/// promotion a marketer paused is never resumed: it does not carry the mark.
/// </summary>
public sealed class PacingRunner(
    ICampaignStore campaigns, IPromotionStore promotions, IPromotionSearch search, IRedemptionLedger ledger, TimeProvider clock)
{
    /// <summary>Who acted, in the events of a move pacing made.</summary>
    public const string Actor = "pacing";

    /// <summary>Paces every active paced campaign once; answers the promotion moves this pass wrote.</summary>
    public async Task<IReadOnlyList<AppliedStep>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var paced = new List<Campaign>();
        var page = new ListQuery(Limit: ListQuery.MaxLimit);
        do
        {
            var active = await campaigns.ListAsync(new CampaignFilter(LifecycleStatus.Active), page, ct);
            paced.AddRange(active.Items.Where(static c => c.Budget?.Pacing is not null));
            page = page with { After = active.NextCursor };
        }
        while (page.After is not null);

        var applied = new List<AppliedStep>();
        if (paced.Count == 0)
        {
            return applied;
        }

        var spent = await ledger.GetUsageBatchAsync(new UsageQuery([], [.. paced.Select(static c => c.Id)]), ct);
        foreach (var campaign in paced)
        {
            if (Pace.Decide(campaign, spent.Budget(campaign.Id), now) is { State: not PaceState.OnPace } decision)
            {
                applied.AddRange(await MoveAsync(campaign, decision, now, ct));
            }
        }

        return applied;
    }

    private async Task<List<AppliedStep>> MoveAsync(Campaign campaign, PaceDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        var own = await PromotionsOfAsync(campaign.Id, ct);
        var ahead = decision.State == PaceState.Ahead;
        var due = ahead
            ? own.Where(static p => p.Status == LifecycleStatus.Active).ToList()
            : own.Where(static p => p is { Status: LifecycleStatus.Paused, Paced: true }).ToList();

        // The campaign's event goes with its first move. A pause that finds promotions already paced completes an
        // earlier pass silently; a write refused by its version check means another writer (a second process) is
        // moving the campaign too, and this pass leaves the event to it.
        DomainEvent? campaignEvent = due.Count == 0 || (ahead && own.Any(static p => p.Paced))
            ? null
            : ahead
                ? new CampaignPaced(NewId(), now, campaign.Id, campaign.Budget!.Pacing!.Mode, decision.Spent, decision.Line, campaign.Budget.Currency, Actor)
                : new CampaignResumed(NewId(), now, campaign.Id, campaign.Budget!.Pacing!.Mode, decision.Spent, decision.Line, campaign.Budget.Currency, Actor);
        var applied = new List<AppliedStep>();
        var action = ahead ? LifecycleAction.Pause : LifecycleAction.Activate;
        foreach (var promotion in due)
        {
            if (LifecycleGuards.Promotion(promotion, campaign, action, now) is not { IsSuccess: true } next)
            {
                continue;
            }

            var changed = promotion with { Status = next.Value, Paced = ahead, UpdatedAt = now };
            var events = CatalogEvents.PromotionWritten(promotion, changed with { Version = promotion.Version + 1 }, clock, Actor);
            var written = await promotions.UpdateAsync(changed, promotion.Version, campaignEvent is null ? events : [campaignEvent, .. events], ct);
            campaignEvent = null;
            if (written is not { Status: WriteStatus.Written, Value: { } stored })
            {
                continue;
            }

            await search.IndexAsync(stored, ct);
            applied.Add(new AppliedStep(ScheduledItem.Promotion, stored.Id, action, stored.Status, stored.Version));
        }

        return applied;
    }

    private async Task<List<Promotion>> PromotionsOfAsync(string campaignId, CancellationToken ct)
    {
        var all = new List<Promotion>();
        var page = new ListQuery(Limit: ListQuery.MaxLimit);
        do
        {
            var listed = await promotions.ListAsync(new PromotionFilter(CampaignId: campaignId), page, ct);
            all.AddRange(listed.Items);
            page = page with { After = listed.NextCursor };
        }
        while (page.After is not null);

        return all;
    }

    private string NewId() => Ids.New(DomainEvent.IdPrefix, clock);
}
