using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Events;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// One <see cref="LedgerPlan"/> as one <c>TransactWriteItems</c>: each limit change as a conditional update (a
/// promotion counter on one of its shards, a budget on one of its shards with its threshold marks), the record's put
/// or conditional update, the reversal record, the outbox events and the idempotency completion. A cancellation is
/// read in plan order, the order the planner checks limits in, so every ledger gives the same refusal; a shard that
/// refused is left for another with room, and a limit refuses only when a consistent read of every shard shows none.
/// </summary>
internal sealed class PlanTransaction(
    IAmazonDynamoDB dynamo, string table, ShardLayout layout, LedgerPlan plan, LedgerRecord? stored, PlanLearning learned, TimeProvider clock)
{
    /// <summary>The most items DynamoDB takes in one transaction.</summary>
    public const int MaxItems = 100;

    private readonly List<(LedgerChange Change, int At)> _slots = [];
    private readonly List<(BudgetChange Change, int At)> _marks = [];
    private int? _recordAt;
    private int? _keyAt;

    public async Task<List<TransactWriteItem>> BuildAsync(StoredResponse? completion, IdempotencyLease? lease, CancellationToken ct)
    {
        _slots.Clear();
        _marks.Clear();
        var items = new List<TransactWriteItem>();
        var events = new List<DomainEvent>(plan.Events);
        var counterShards = new Dictionary<string, int>(stored?.CounterShards ?? new Dictionary<string, int>(), StringComparer.Ordinal);
        var budgetShards = new Dictionary<string, int>(stored?.BudgetShards ?? new Dictionary<string, int>(), StringComparer.Ordinal);
        foreach (var change in plan.Changes)
        {
            switch (change)
            {
                case UseCode use:
                    Add(items, use, CodeUse.Use(table, use.Code, use.PromotionId, use.CustomerId, use.At));
                    break;
                case ReturnCode giveBack when !learned.DroppedCodes.Contains(giveBack.Code):
                    Add(items, giveBack, CodeUse.GiveBack(table, giveBack.Code));
                    break;
                case ReturnCode:
                    break;
                case CountChange { Kind: CounterKind.Promotion, Delta: > 0 } count:
                    var shards = await layout.PromotionAsync(count.PromotionId, ct);
                    if (!learned.PromotionShards.TryGetValue(count.PromotionId, out var shard))
                    {
                        shard = learned.PromotionShards[count.PromotionId] = ShardPick.Any(shards);
                    }

                    counterShards[count.PromotionId] = shard;
                    var share = count.Cap is { } cap ? ShardLayout.Share(cap, shards, shard) : (long?)null;
                    Add(items, count, Counters.Count(table, LedgerItems.PromotionCounter(count.PromotionId, shard), share, count.Cap));
                    break;
                case CountChange { Delta: > 0 } count:
                    // A period's counter is kept a day past its period (give-backs reach it only while the period lasts).
                    var expires = count.Period is { } period ? PeriodKeys.End(period).AddDays(1) : (DateTimeOffset?)null;
                    Add(items, count, Counters.Count(table, LedgerItems.UnshardedCounter(count), count.Cap, null, expires));
                    break;
                case CountChange count:
                    Add(items, count, Counters.GiveBack(table, count.Kind == CounterKind.Promotion
                        ? LedgerItems.PromotionCounter(count.PromotionId, stored!.CounterShardOf(count.PromotionId))
                        : LedgerItems.UnshardedCounter(count)));
                    break;
                case BudgetChange { AmountMinor: >= 0 } charge:
                    budgetShards[charge.CampaignId] = await AddChargeAsync(items, events, charge, ct);
                    break;
                case BudgetChange giveBack:
                    var budgetReturn = await ReturnOfAsync(giveBack, ct);
                    Add(items, giveBack, budgetReturn.Update(table));
                    if (budgetReturn.MarksUpdate(table) is { } unmark)
                    {
                        items.Add(unmark);
                    }

                    break;
            }
        }

        _recordAt = items.Count;
        if (stored is null)
        {
            var record = new LedgerRecord(plan.After, 1, counterShards, budgetShards);
            items.Add(record.Put(table));
            items.AddRange(record.PutLookups(table));
        }
        else
        {
            items.Add(stored.Update(table, plan.After, plan.ExpectedStatus));
        }

        if (plan.Reversal is { } reversal)
        {
            items.Add(LedgerRecord.PutReversal(table, reversal));
        }

        items.AddRange(events.Select(e => OutboxItems.Put(table, e)));
        _keyAt = null;
        if (completion is not null)
        {
            _keyAt = items.Count;
            items.Add(IdempotencyItems.Complete(table, lease!, completion));
        }

        return items.Count <= MaxItems
            ? items
            : throw new InvalidOperationException(
                $"Redemption {plan.After.Id} needs {items.Count} items in one transaction; the planner's limit of {LedgerPlanner.MaxParts} parts should keep it under {MaxItems}.");
    }

    /// <summary>What the cancellation means: a refusal, another attempt, or the record changed and must be read again.</summary>
    public async Task<Settlement> SettleAsync(Cancellation cancellation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        if (stored is not null && cancellation.Failed(_recordAt))
        {
            // Another change of the same redemption committed first: plan again from what it left, which the
            // cancellation returned (ALL_OLD), so the answer needs no other read.
            return Settlement.Stale(cancellation.Old(_recordAt) is { } current ? LedgerRecord.From(current) : null);
        }

        var retry = false;
        foreach (var (change, at) in _slots)
        {
            if (!cancellation.Failed(at))
            {
                continue;
            }

            switch (change)
            {
                case UseCode use:
                    return Refuse(use, use.RefusalFor(CodeUse.StateOf(cancellation.Old(at))));
                case ReturnCode giveBack:
                    // The code is gone or has no use left to give back: the change goes ahead without it.
                    learned.DroppedCodes.Add(giveBack.Code);
                    retry = true;
                    break;
                case CountChange { Kind: CounterKind.Promotion, Delta: > 0 } count when await MovePromotionShardAsync(count, ct):
                    retry = true;
                    break;
                case CountChange { Delta: > 0 } count:
                    return Refuse(count, count.Refusal);
                case BudgetChange { AmountMinor: >= 0 } charge when await ReplanChargeAsync(charge, cancellation.Old(at), ct):
                    retry = true;
                    break;
                case BudgetChange { AmountMinor: >= 0 } charge:
                    return Refuse(charge, RedemptionRejections.BudgetExhausted);
                case BudgetChange giveBack when learned.Returns[giveBack.CampaignId].Retry(cancellation.Old(at)) is { } replanned:
                    learned.Returns[giveBack.CampaignId] = replanned;
                    retry = true;
                    break;
                default:
                    throw Unexplained(cancellation);
            }
        }

        foreach (var (charge, at) in _marks)
        {
            if (cancellation.Failed(at))
            {
                learned.Charges[charge.CampaignId].Marks = ThresholdMarks.From(cancellation.Old(at));
                retry = true;
            }
        }

        if (retry)
        {
            return Settlement.Retry;
        }

        return cancellation.Failed(_keyAt)
            ? Settlement.Refuse(LedgerRefusals.Of(RedemptionRejections.IdempotencyInProgress))
            : throw Unexplained(cancellation);
    }

    private Settlement Refuse(LedgerChange change, string code) => Settlement.Refuse(plan.Refusal(change, code));

    private void Add(List<TransactWriteItem> items, LedgerChange change, TransactWriteItem item)
    {
        _slots.Add((change, items.Count));
        items.Add(item);
    }

    /// <summary>Adds a budget charge (and its threshold marks, when sharded) and its threshold events; the shard it charges.</summary>
    private async Task<int> AddChargeAsync(List<TransactWriteItem> items, List<DomainEvent> events, BudgetChange change, CancellationToken ct)
    {
        var shards = await layout.BudgetAsync(change.CampaignId, ct);
        if (!learned.Charges.TryGetValue(change.CampaignId, out var attempt))
        {
            attempt = learned.Charges[change.CampaignId] = new BudgetAttempt(ShardPick.Any(shards));
        }

        var charge = new BudgetCharge(change.CampaignId, change.Currency, change.AmountMinor, change.CapMinor!.Value, shards, attempt.Shard, attempt.Guess);
        Add(items, change, charge.Update(table));
        if (charge.MarksUpdate(table, attempt.Marks) is { } marks)
        {
            _marks.Add((change, items.Count));
            items.Add(marks);
            if (charge.Crossed.Any(p => attempt.Marks.Completes(p, charge.Shard, shards)))
            {
                attempt.OthersSpent = await OthersSpentAsync(change.CampaignId, shards, charge.Shard, ct);
            }
        }

        events.AddRange(charge.Events(attempt.Marks, attempt.OthersSpent, clock));
        return attempt.Shard;
    }

    /// <summary>The give-back of a budget to the shard the order charged it on; a sharded one is planned from the shard's spend.</summary>
    private async Task<BudgetReturn> ReturnOfAsync(BudgetChange change, CancellationToken ct)
    {
        if (learned.Returns.TryGetValue(change.CampaignId, out var known))
        {
            return known;
        }

        var shard = stored!.BudgetShards.GetValueOrDefault(change.CampaignId);
        var shards = await layout.BudgetIfChargedAsync(change.CampaignId, ct) ?? 1;
        var plan = new BudgetReturn(change.CampaignId, -change.AmountMinor, shards, shard, 0, 0);
        if (shards > 1)
        {
            // A sharded give-back needs the shard's spend and budget to know which lines it goes back under.
            var current = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = LedgerItems.BudgetCounter(change.CampaignId, shard), ConsistentRead = true }, ct);
            plan = plan.Replan(current.Item);
        }

        return learned.Returns[change.CampaignId] = plan;
    }

    private async Task<bool> MovePromotionShardAsync(CountChange count, CancellationToken ct)
    {
        var shards = await layout.PromotionAsync(count.PromotionId, ct);
        if (shards == 1 || count.Cap is not { } cap)
        {
            return false;
        }

        var keys = Enumerable.Range(0, shards).Select(s => LedgerItems.PromotionCounter(count.PromotionId, s)).ToList();
        var read = await BatchReads.ReadAsync(dynamo, table, keys, ct);
        var open = Enumerable.Range(0, shards).Where(s => Counters.UsedOf(read[s]) < ShardLayout.Share(cap, shards, s)).ToList();
        if (ShardPick.OneOf(open) is not { } next)
        {
            return false;
        }

        learned.PromotionShards[count.PromotionId] = next;
        return true;
    }

    private async Task<bool> ReplanChargeAsync(BudgetChange change, Dictionary<string, AttributeValue>? old, CancellationToken ct)
    {
        var attempt = learned.Charges[change.CampaignId];
        var shards = await layout.BudgetAsync(change.CampaignId, ct);
        var budget = change.CapMinor!.Value;
        var spent = BudgetCharge.SpentOf(old);
        if (spent + change.AmountMinor <= ShardLayout.Share(budget, shards, attempt.Shard))
        {
            // It fits: only the guess of the spend was wrong.
            attempt.Guess = spent;
            return true;
        }

        if (shards == 1)
        {
            return false;
        }

        var keys = Enumerable.Range(0, shards).Select(s => LedgerItems.BudgetCounter(change.CampaignId, s)).ToList();
        var read = await BatchReads.ReadAsync(dynamo, table, keys, ct);
        var open = Enumerable.Range(0, shards)
            .Where(s => BudgetCharge.SpentOf(read[s]) + change.AmountMinor <= ShardLayout.Share(budget, shards, s))
            .ToList();
        if (ShardPick.OneOf(open) is not { } next)
        {
            return false;
        }

        attempt.Shard = next;
        attempt.Guess = BudgetCharge.SpentOf(read[next]);
        return true;
    }

    private async Task<long> OthersSpentAsync(string campaignId, int shards, int shard, CancellationToken ct)
    {
        var keys = Enumerable.Range(0, shards).Where(s => s != shard).Select(s => LedgerItems.BudgetCounter(campaignId, s)).ToList();
        return (await BatchReads.ReadAsync(dynamo, table, keys, ct)).Sum(BudgetCharge.SpentOf);
    }

    private InvalidOperationException Unexplained(Cancellation cancellation) =>
        new($"The change of redemption {plan.After.Id} was cancelled for reasons no condition explains: {cancellation}.");
}
