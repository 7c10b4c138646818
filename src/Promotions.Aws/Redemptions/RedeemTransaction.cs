using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// One redemption as one <c>TransactWriteItems</c>, attempt after attempt until it commits or is refused: the code
/// use, the promotion shard, the customer counter, the budget shard (and, sharded, its threshold marks), the record,
/// the outbox events and the idempotency completion. A cancellation is read in the order the SQLite ledger checks
/// (code, promotion, customer, budget, key), so both give the same refusal; a shard that refused is left for another
/// with room, and the redemption is refused only when a consistent read of every shard shows none with room.
/// </summary>
internal sealed class RedeemTransaction(
    IAmazonDynamoDB dynamo, string table, Redemption redemption, RedemptionLimits limits, BudgetTerms? budget, int promotionShards,
    Idempotent<Redemption>? idempotency, TimeProvider clock)
{
    private readonly DateTimeOffset _now = redemption.UpdatedAt;
    private readonly RedemptionRecorded? _recorded = redemption.Status == RedemptionStatus.Confirmed ? RedemptionEvents.Recorded(redemption, clock) : null;
    private readonly StoredResponse? _response = idempotency?.Render(redemption);
    private int _promotionShard = ShardPick.Any(promotionShards);
    private int _budgetShard = budget is null ? 0 : ShardPick.Any(budget.Shards);
    private long _budgetGuess;
    private ThresholdMarks _marks = ThresholdMarks.None;
    private long _othersSpent;
    private Slots _at = new();

    /// <summary>The items of the next attempt; a sharded charge that completes a threshold first reads the other shards' spend.</summary>
    public async Task<List<TransactWriteItem>> BuildAsync(CancellationToken ct)
    {
        var items = new List<TransactWriteItem>();
        _at = new Slots();
        if (redemption.Code is { } code)
        {
            _at.Code = Add(items, CodeUse.Use(table, code, redemption.PromotionId, redemption.CustomerId, _now));
        }

        var share = limits.MaxRedemptions is { } cap ? ShardLayout.Share(cap, promotionShards, _promotionShard) : (long?)null;
        _at.Promotion = Add(items, Counters.Count(table, LedgerItems.PromotionCounter(redemption.PromotionId, _promotionShard), share, limits.MaxRedemptions));
        if (redemption.CustomerId is { } customer)
        {
            _at.Customer = Add(items, Counters.Count(table, LedgerItems.CustomerCounter(redemption.PromotionId, customer), limits.PerCustomerLimit, null));
        }

        var events = new List<DomainEvent>();
        if (_recorded is not null)
        {
            events.Add(_recorded);
        }

        if (Charge is { } charge)
        {
            _at.Budget = Add(items, charge.Update(table));
            if (charge.MarksUpdate(table, _marks) is { } marks)
            {
                _at.Marks = Add(items, marks);
                if (charge.Crossed.Any(p => _marks.Completes(p, charge.Shard, budget!.Shards)))
                {
                    _othersSpent = await OthersSpentAsync(charge.Shard, ct);
                }
            }

            events.AddRange(charge.Events(_marks, _othersSpent, clock));
        }

        items.Add(new LedgerRecord(redemption, 1, _promotionShard, budget is null ? null : _budgetShard).Put(table));
        items.AddRange(events.Select(e => OutboxItems.Put(table, e)));
        if (idempotency is not null)
        {
            _at.Key = Add(items, IdempotencyItems.Complete(table, idempotency.Lease, _response!));
        }

        return items;
    }

    /// <summary>The refusal this cancellation means, or null when the next attempt may commit (another shard, a better guess).</summary>
    public async Task<DomainError?> SettleAsync(Cancellation cancellation, CancellationToken ct)
    {
        if (cancellation.Failed(_at.Code))
        {
            return LedgerRefusals.Of(CodeUse.Refusal(cancellation.Old(_at.Code), redemption.PromotionId, redemption.CustomerId, _now));
        }

        if (cancellation.Failed(_at.Promotion) && !await MovePromotionShardAsync(ct))
        {
            return LedgerRefusals.Of(RedemptionRejections.PromotionExhausted);
        }

        if (cancellation.Failed(_at.Customer))
        {
            return LedgerRefusals.Of(RedemptionRejections.CustomerLimitReached);
        }

        if (cancellation.Failed(_at.Budget) && !await ReplanBudgetAsync(cancellation.Old(_at.Budget), ct))
        {
            return LedgerRefusals.Of(RedemptionRejections.BudgetExhausted);
        }

        if (cancellation.Failed(_at.Marks))
        {
            _marks = ThresholdMarks.From(cancellation.Old(_at.Marks));
        }

        var retry = cancellation.Failed(_at.Promotion) || cancellation.Failed(_at.Budget) || cancellation.Failed(_at.Marks);
        if (!retry && cancellation.Failed(_at.Key))
        {
            return LedgerRefusals.Of(RedemptionRejections.IdempotencyInProgress);
        }

        if (!retry)
        {
            // The record or an event item refused to be created: an id used twice, which ids never are.
            throw new InvalidOperationException($"Redemption {redemption.Id} was cancelled for reasons no limit explains: {cancellation}.");
        }

        return null;
    }

    private BudgetCharge? Charge => budget is null
        ? null
        : new BudgetCharge(budget.CampaignId, budget.Currency, budget.AmountMinor, budget.BudgetMinor, budget.Shards, _budgetShard, _budgetGuess);

    private async Task<bool> MovePromotionShardAsync(CancellationToken ct)
    {
        if (promotionShards == 1 || limits.MaxRedemptions is not { } cap)
        {
            return false;
        }

        var keys = Enumerable.Range(0, promotionShards).Select(s => LedgerItems.PromotionCounter(redemption.PromotionId, s)).ToList();
        var shards = await BatchReads.ReadAsync(dynamo, table, keys, ct);
        var open = Enumerable.Range(0, promotionShards).Where(s => Counters.UsedOf(shards[s]) < ShardLayout.Share(cap, promotionShards, s)).ToList();
        if (ShardPick.OneOf(open) is not { } next)
        {
            return false;
        }

        _promotionShard = next;
        return true;
    }

    private async Task<bool> ReplanBudgetAsync(Dictionary<string, AttributeValue>? old, CancellationToken ct)
    {
        var terms = budget!;
        var spent = BudgetCharge.SpentOf(old);
        if (spent + terms.AmountMinor <= ShardLayout.Share(terms.BudgetMinor, terms.Shards, _budgetShard))
        {
            // It fits: only the guess of the spend was wrong.
            _budgetGuess = spent;
            return true;
        }

        if (terms.Shards == 1)
        {
            return false;
        }

        var keys = Enumerable.Range(0, terms.Shards).Select(s => LedgerItems.BudgetCounter(terms.CampaignId, s)).ToList();
        var shards = await BatchReads.ReadAsync(dynamo, table, keys, ct);
        var open = Enumerable.Range(0, terms.Shards)
            .Where(s => BudgetCharge.SpentOf(shards[s]) + terms.AmountMinor <= ShardLayout.Share(terms.BudgetMinor, terms.Shards, s))
            .ToList();
        if (ShardPick.OneOf(open) is not { } next)
        {
            return false;
        }

        _budgetShard = next;
        _budgetGuess = BudgetCharge.SpentOf(shards[next]);
        return true;
    }

    private async Task<long> OthersSpentAsync(int shard, CancellationToken ct)
    {
        var terms = budget!;
        var keys = Enumerable.Range(0, terms.Shards).Where(s => s != shard).Select(s => LedgerItems.BudgetCounter(terms.CampaignId, s)).ToList();
        return (await BatchReads.ReadAsync(dynamo, table, keys, ct)).Sum(BudgetCharge.SpentOf);
    }

    private static int Add(List<TransactWriteItem> items, TransactWriteItem item)
    {
        items.Add(item);
        return items.Count - 1;
    }

    /// <summary>Where each part of the last attempt sits in its transaction (null: not part of it).</summary>
    private sealed class Slots
    {
        public int? Code { get; set; }

        public int? Promotion { get; set; }

        public int? Customer { get; set; }

        public int? Budget { get; set; }

        public int? Marks { get; set; }

        public int? Key { get; set; }
    }
}
