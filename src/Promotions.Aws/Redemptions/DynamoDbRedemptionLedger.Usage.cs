using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Usage reads: every counter a query names in one <c>BatchGetItem</c> (per 100 keys). A sharded counter has no
/// item holding its total, so its shards are summed; the shard count is taken from this process's cache of fixed
/// counts, or else guessed as a first use would fix it and checked by reading the count item in the same batch,
/// so only a counter sharded otherwise than this process is configured for costs a second batch.
/// </summary>
internal sealed partial class DynamoDbRedemptionLedger
{
    public async Task<LedgerUsage> GetUsageAsync(string promotionId, string? customerId, string? campaignId, CancellationToken ct)
    {
        var query = new UsageQuery([promotionId], campaignId is null ? [] : [campaignId], customerId, [promotionId]);
        var counts = await ReadUsageAsync(query, consistent: true, ct);
        return new LedgerUsage(
            counts.Promotion(promotionId),
            customerId is null ? 0 : counts.Customer(promotionId),
            campaignId is null ? 0m : counts.Budget(campaignId));
    }

    public async Task<UsageCounts> GetUsageBatchAsync(UsageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Eventually consistent, at half the read cost: the offers logic keeps these counters for a second anyway
        // (UsageCache), and the redeem transaction's conditions, not this read, decide whether a use fits.
        return query.IsEmpty ? UsageCounts.Empty : await ReadUsageAsync(query, consistent: false, ct);
    }

    private async Task<UsageCounts> ReadUsageAsync(UsageQuery query, bool consistent, CancellationToken ct)
    {
        var promotions = query.PromotionIds.Distinct(StringComparer.Ordinal)
            .Select(id => new ShardedRead(id, layout.GuessPromotion(id), s => LedgerItems.PromotionCounter(id, s))).ToList();
        var budgets = query.CampaignIds.Distinct(StringComparer.Ordinal)
            .Select(id => new ShardedRead(id, layout.GuessBudget(id), s => LedgerItems.BudgetCounter(id, s))).ToList();
        var customerId = query.CustomerId;
        var customer = customerId is null ? [] : (query.CustomerPromotionIds ?? []).Distinct(StringComparer.Ordinal).ToList();

        var sharded = promotions.Concat(budgets).ToList();
        var keys = new List<Dictionary<string, AttributeValue>>();
        foreach (var read in sharded)
        {
            read.Plan(keys);
        }

        var firstCustomer = keys.Count;
        keys.AddRange(customer.Select(id => LedgerItems.CustomerCounter(id, customerId!)));
        var periods = query.Periods.Distinct().ToList();
        var firstPeriod = keys.Count;
        keys.AddRange(periods.Select(c => LedgerItems.PeriodCounter(c.PromotionId, c.Period)));
        var customerPeriods = customerId is null ? [] : query.CustomerPeriods.Distinct().ToList();
        var firstCustomerPeriod = keys.Count;
        keys.AddRange(customerPeriods.Select(c => LedgerItems.CustomerPeriodCounter(c.PromotionId, c.Period, customerId!)));
        var items = await BatchReads.ReadAsync(dynamo, _table, keys, consistent, ct);

        // A count item that says more shards than guessed (this process is configured otherwise) needs their items too.
        var more = new List<Dictionary<string, AttributeValue>>();
        foreach (var read in sharded)
        {
            read.Settle(items, layout, more);
        }

        if (more.Count > 0)
        {
            var rest = await BatchReads.ReadAsync(dynamo, _table, more, consistent, ct);
            foreach (var read in sharded)
            {
                read.Complete(rest);
            }
        }

        return new UsageCounts(
            promotions.ToDictionary(r => r.Id, r => r.Shards.Sum(Counters.UsedOf), StringComparer.Ordinal),
            customer.Select((id, i) => (id, i)).ToDictionary(c => c.id, c => Counters.UsedOf(items[firstCustomer + c.i]), StringComparer.Ordinal),
            budgets.ToDictionary(r => r.Id, r => Spent(r.Shards), StringComparer.Ordinal))
        {
            PeriodRedemptions = periods.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => Counters.UsedOf(items[firstPeriod + p.i])),
            CustomerPeriodRedemptions = customerPeriods.Select((c, i) => (c, i))
                .ToDictionary(p => p.c, p => Counters.UsedOf(items[firstCustomerPeriod + p.i])),
        };
    }

    // Only charged shards carry the currency; a budget never charged is zero in any currency.
    private static decimal Spent(List<Dictionary<string, AttributeValue>?> shards) =>
        shards.Select(i => i?.GetS("currency")).FirstOrDefault(c => c is not null) is { } currency
            ? Money.FromMinor(shards.Sum(BudgetCharge.SpentOf), currency)
            : 0m;
}
