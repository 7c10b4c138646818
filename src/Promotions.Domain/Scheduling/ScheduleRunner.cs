using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Scheduling;

/// <summary>
/// Applies the lifecycle steps that are due: campaigns first (a promotion's activation may wait on its campaign),
/// then promotions. Each step is a versioned write under the version that was read, through the same guards, events
/// and search update as the Admin API's lifecycle call, with <see cref="ScheduledStep.Actor"/> as the actor: of two
/// runs (a repeated tick, two processes on one store) that read the same version, one write wins and the other is
/// refused, so a step is applied, and its events written, exactly once. A run that comes late applies what fell due
/// meanwhile, once.
/// </summary>
public sealed class ScheduleRunner(
    IDueStepQuery due, ICampaignStore campaigns, IPromotionStore promotions, IPromotionSearch search, TimeProvider clock)
{
    /// <summary>Applies every step due now; answers the steps this run wrote (others' wins are not counted).</summary>
    public async Task<IReadOnlyList<AppliedStep>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var applied = new List<AppliedStep>();
        foreach (var campaign in await due.ListCampaignsDueAsync(now, ct))
        {
            if (await ApplyAsync(campaign, now, ct) is { } step)
            {
                applied.Add(step);
            }
        }

        var duePromotions = await due.ListPromotionsDueAsync(now, ct);
        if (duePromotions.Count == 0)
        {
            return applied;
        }

        var campaignIds = duePromotions.Select(p => p.CampaignId).Distinct(StringComparer.Ordinal).ToArray();
        var campaignsById = (await campaigns.GetManyAsync(campaignIds, ct)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var promotion in duePromotions)
        {
            if (await ApplyAsync(promotion, campaignsById.GetValueOrDefault(promotion.CampaignId), now, ct) is { } step)
            {
                applied.Add(step);
            }
        }

        return applied;
    }

    private async Task<AppliedStep?> ApplyAsync(Campaign campaign, DateTimeOffset now, CancellationToken ct)
    {
        if (ScheduledStep.Due(campaign, now) is not { } action
            || LifecycleGuards.Campaign(campaign, action, now) is not { IsSuccess: true } next)
        {
            return null;
        }

        var written = await campaigns.UpdateAsync(campaign with { Status = next.Value, UpdatedAt = now }, campaign.Version, ct);
        return written is { Status: WriteStatus.Written, Value: { } stored }
            ? new AppliedStep(ScheduledItem.Campaign, stored.Id, action, stored.Status, stored.Version)
            : null;
    }

    private async Task<AppliedStep?> ApplyAsync(Promotion promotion, Campaign? campaign, DateTimeOffset now, CancellationToken ct)
    {
        if (ScheduledStep.Due(promotion, campaign, now) is not { } action
            || LifecycleGuards.Promotion(promotion, campaign, action, now) is not { IsSuccess: true } next)
        {
            return null;
        }

        var changed = promotion with { Status = next.Value, UpdatedAt = now };
        var events = CatalogEvents.PromotionWritten(promotion, changed with { Version = promotion.Version + 1 }, clock, ScheduledStep.Actor);
        var written = await promotions.UpdateAsync(changed, promotion.Version, events, ct);
        if (written is not { Status: WriteStatus.Written, Value: { } stored })
        {
            return null;
        }

        await search.IndexAsync(stored, ct);
        return new AppliedStep(ScheduledItem.Promotion, stored.Id, action, stored.Status, stored.Version);
    }
}
