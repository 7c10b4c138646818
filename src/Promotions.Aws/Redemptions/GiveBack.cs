using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// What a release, an expiry or a reversal gives back, as items of its transaction: money to the budget shard the
/// redemption was charged to and, when <c>uses</c>, the code use, the promotion shard's count and the customer's count.
/// A code that is gone or already at zero refuses its give-back; the transaction then runs without it, as the
/// SQLite ledger's update simply changes no row. A sharded budget's give-back may need planning again
/// (<see cref="BudgetReturn"/>).
/// </summary>
internal sealed class GiveBack
{
    private readonly string _table;
    private readonly LedgerRecord _record;
    private readonly bool _uses;
    private bool _withCode;
    private int? _codeAt;
    private int? _budgetAt;

    private GiveBack(string table, LedgerRecord record, bool uses, BudgetReturn? budget, bool withCode)
    {
        _table = table;
        _record = record;
        _uses = uses;
        Budget = budget;
        _withCode = withCode;
    }

    public BudgetReturn? Budget { get; private set; }

    /// <summary>
    /// The give-back of <paramref name="amount"/> (and the uses, with <paramref name="uses"/>); what an earlier attempt
    /// learned (<paramref name="previous"/>: the code is gone, the shard's real spend) is kept.
    /// </summary>
    public static async Task<GiveBack> CreateAsync(
        IAmazonDynamoDB dynamo, string table, ShardLayout layout, LedgerRecord record, decimal amount, bool uses, GiveBack? previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var redemption = record.Redemption;
        BudgetReturn? budget = null;
        if (redemption is { BudgetCharged: true, CampaignId: { } campaign } && record.BudgetShard is { } shard && amount > 0)
        {
            var minor = Money.ToMinor(amount, redemption.Currency);
            var shards = await layout.BudgetIfChargedAsync(campaign, ct) ?? 1;
            if (previous?.Budget is { } learned)
            {
                budget = new BudgetReturn(campaign, minor, shards, shard, learned.GuessSpent, learned.GuessBudget);
            }
            else if (shards > 1)
            {
                // A sharded give-back needs the shard's spend and budget to know which lines it goes back under.
                var current = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = LedgerItems.BudgetCounter(campaign, shard), ConsistentRead = true }, ct);
                budget = new BudgetReturn(campaign, minor, shards, shard, 0, 0).Replan(current.Item);
            }
            else
            {
                budget = new BudgetReturn(campaign, minor, 1, shard, 0, 0);
            }
        }

        var withCode = uses && redemption.Code is not null && (previous?._withCode ?? true);
        return new GiveBack(table, record, uses, budget, withCode);
    }

    public void AddTo(List<TransactWriteItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var redemption = _record.Redemption;
        _budgetAt = null;
        _codeAt = null;
        if (Budget is { } budget)
        {
            _budgetAt = items.Count;
            items.Add(budget.Update(_table));
            if (budget.MarksUpdate(_table) is { } marks)
            {
                items.Add(marks);
            }
        }

        if (!_uses)
        {
            return;
        }

        items.Add(Counters.GiveBack(_table, LedgerItems.PromotionCounter(redemption.PromotionId, _record.CounterShard)));
        if (redemption.CustomerId is { } customer)
        {
            items.Add(Counters.GiveBack(_table, LedgerItems.CustomerCounter(redemption.PromotionId, customer)));
        }

        if (_withCode)
        {
            _codeAt = items.Count;
            items.Add(CodeUse.GiveBack(_table, redemption.Code!));
        }
    }

    /// <summary>True when the cancellation was about this give-back and the next attempt will do better.</summary>
    public bool Learn(Cancellation cancellation)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        var learned = false;
        if (cancellation.Failed(_codeAt))
        {
            _withCode = false;
            learned = true;
        }

        if (cancellation.Failed(_budgetAt) && Budget?.Retry(cancellation.Old(_budgetAt)) is { } replanned)
        {
            Budget = replanned;
            learned = true;
        }

        return learned;
    }
}
