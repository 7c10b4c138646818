using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Segments;

namespace Promotions.Domain.Plans;

/// <summary>
/// Runs the <c>distribute_codes</c> changes of the steps that ran: batch after batch, each customer of the segment who
/// holds no distributed code of the pool yet gets the next unused code, and each batch is written with its event and
/// the distribution's progress in one transaction, conditioned on the batch count read. So a batch is written once
/// whoever runs it (a second run, a second process, a delivery repeated after a crash), a customer never gets two
/// codes of the pool, and a run resumes after the last batch written. When the pool runs out the distribution ends
/// <see cref="DistributionState.Exhausted"/> with the count of customers left without a code.
/// </summary>
public sealed class CodeDistributor(
    ICampaignStore campaigns,
    ICampaignPlanStore plans,
    ICodeDistributionStore store,
    ICustomerStore customers,
    ISegmentStore segments,
    TimeProvider clock)
{
    // A conflict is another run writing the same batch, or a code or customer taken meanwhile; each retry reads afresh.
    private const int MaxConflicts = 5;

    /// <summary>The most batches of one distribution a scheduler pass writes, so one large segment never holds up the tick.</summary>
    public const int BatchesPerPass = 50;

    /// <summary>True when a stage of the plan distributes codes.</summary>
    public static bool Distributes(PlanStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return stage.Changes.Any(c => c.Kind == StageChangeKind.DistributeCodes);
    }

    /// <summary>
    /// Runs every unfinished distribution of the steps of the campaign's current plan that were applied, while the plan
    /// may run (the local scheduler's pass; it resumes what a crash interrupted).
    /// </summary>
    public async Task ResumeAsync(string campaignId, CancellationToken ct)
    {
        if (await campaigns.GetAsync(campaignId, ct) is not { Plan: { } plan } campaign
            || !PlanSteps.IsRunnable(campaign) || !plan.Stages.Any(Distributes))
        {
            return;
        }

        foreach (var record in await plans.ListStepsAsync(campaignId, plan.Revision, ct))
        {
            if (record.Outcome == StepOutcome.Applied && record.Index < plan.Stages.Count && Distributes(plan.Stages[record.Index]))
            {
                await RunAsync(campaign, record.Index, null, BatchesPerPass, ct);
            }
        }
    }

    /// <summary>
    /// Runs the distributions of stage <paramref name="stageIndex"/> until each is done, or has written
    /// <paramref name="throughBatch"/> batches; answers their progress.
    /// </summary>
    public Task<IReadOnlyList<DistributionProgress>> RunAsync(Campaign campaign, int stageIndex, int? throughBatch, CancellationToken ct) =>
        RunAsync(campaign, stageIndex, throughBatch, int.MaxValue, ct);

    /// <summary>As <see cref="RunAsync(Campaign, int, int?, CancellationToken)"/>, writing at most <paramref name="maxBatches"/> batches of each.</summary>
    public async Task<IReadOnlyList<DistributionProgress>> RunAsync(
        Campaign campaign, int stageIndex, int? throughBatch, int maxBatches, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var plan = campaign.Plan ?? throw new ArgumentException("The campaign has no plan.", nameof(campaign));
        var stage = plan.Stages[stageIndex];
        var done = new List<DistributionProgress>();
        for (var j = 0; j < stage.Changes.Count; j++)
        {
            if (stage.Changes[j] is { Kind: StageChangeKind.DistributeCodes } change)
            {
                var key = new DistributionProgress(campaign.Id, plan.Revision, stageIndex, j, change.PromotionId!, change.SegmentId!,
                    DistributionState.Running, 0, 0, 0, 0, null, null, clock.GetUtcNow());
                done.Add(await RunChangeAsync(key, stage.Name, change, throughBatch ?? int.MaxValue, maxBatches, ct));
            }
        }

        return done;
    }

    /// <summary>
    /// How the distributions of stage <paramref name="stageIndex"/> are handed over in deliveries
    /// (<see cref="CodeDistribution.Deliveries"/>), from the number of batches the largest of them needs for the segment's
    /// members now.
    /// </summary>
    public async Task<IReadOnlyList<int>> DeliveriesAsync(Campaign campaign, int stageIndex, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var batches = 0;
        foreach (var change in campaign.Plan!.Stages[stageIndex].Changes.Where(c => c.Kind == StageChangeKind.DistributeCodes))
        {
            if (await segments.GetAsync(change.SegmentId!, ct) is not { } segment)
            {
                continue;
            }

            var members = 0;
            await new SegmentMembers(customers, segment).EnumerateAsync(null, clock.GetUtcNow(), _ =>
            {
                members++;
                return Task.FromResult(true);
            }, ct);
            var size = CodeDistribution.BatchSizeOf(change);
            batches = Math.Max(batches, (members + size - 1) / size);
        }

        return CodeDistribution.Deliveries(batches);
    }

    private async Task<DistributionProgress> RunChangeAsync(
        DistributionProgress key, string stageName, StageChange change, int through, int maxBatches, CancellationToken ct)
    {
        var conflicts = 0;
        var written = 0;
        while (true)
        {
            var progress = (await store.ListAsync(key.CampaignId, key.Revision, ct))
                .FirstOrDefault(p => p.StageIndex == key.StageIndex && p.ChangeIndex == key.ChangeIndex) ?? key;
            if (progress.Done || progress.Batches >= through || conflicts >= MaxConflicts || written >= maxBatches)
            {
                return progress;
            }

            if (await store.WriteBatchAsync(await NextBatchAsync(progress, stageName, CodeDistribution.BatchSizeOf(change), ct), ct))
            {
                written++;
            }
            else
            {
                conflicts++;
            }
        }
    }

    private async Task<DistributionBatch> NextBatchAsync(DistributionProgress progress, string stageName, int size, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await segments.GetAsync(progress.SegmentId, ct) is not { } segment)
        {
            // A segment deleted since the plan was written has no members left.
            return new DistributionBatch(progress with { State = DistributionState.Completed, UpdatedAt = now }, progress.Batches, [], null);
        }

        var members = new SegmentMembers(customers, segment);
        var picked = new DistributionPicker(store, progress.PromotionId, size, ct);
        await members.EnumerateAsync(progress.CustomerCursor, now, picked.TakeAsync, ct);
        await picked.SettleAsync();

        var codes = await store.FreeCodesAsync(progress.PromotionId, progress.CodeCursor, picked.Picked.Count, now, ct);
        var pairs = picked.Picked.Zip(codes, (customer, code) => new DistributedCode(customer, code.Code)).ToArray();
        var exhausted = codes.Count < picked.Picked.Count;
        var remaining = 0;
        if (exhausted)
        {
            var rest = new DistributionPicker(store, progress.PromotionId, int.MaxValue, ct);
            await members.EnumerateAsync(picked.Cursor, now, rest.TakeAsync, ct);
            await rest.SettleAsync();
            remaining = picked.Picked.Count - codes.Count + rest.Picked.Count;
        }

        var next = progress with
        {
            State = exhausted ? DistributionState.Exhausted : picked.Full ? DistributionState.Running : DistributionState.Completed,
            Batches = progress.Batches + (pairs.Length > 0 ? 1 : 0),
            Distributed = progress.Distributed + pairs.Length,
            Skipped = progress.Skipped + picked.Skipped,
            Remaining = remaining,
            CustomerCursor = picked.Cursor ?? progress.CustomerCursor,
            CodeCursor = pairs.Length > 0 ? codes[pairs.Length - 1].Id : progress.CodeCursor,
            UpdatedAt = now,
        };
        var distributed = pairs.Length == 0 ? null : new CodesDistributed(
            Common.Ids.New(DomainEvent.IdPrefix, clock), now, progress.CampaignId, progress.Revision, progress.StageIndex, stageName,
            progress.ChangeIndex, progress.PromotionId, progress.SegmentId, next.Batches, pairs);
        return new DistributionBatch(next, progress.Batches, pairs, distributed);
    }
}
