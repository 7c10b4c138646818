using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Catalog;
using Promotions.Aws.Codes;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Plans;

/// <summary>
/// Code distributions on DynamoDB. A distribution's progress is <c>CAMPAIGN#&lt;id&gt; /
/// DISTRIB#&lt;revision&gt;#&lt;stage&gt;#&lt;change&gt;</c>, in the campaign's partition beside the plan's steps; a customer's
/// claim on a pool is <c>PROMOTION#&lt;id&gt; / DISTRIBUTED#&lt;customerId&gt;</c>. A batch is one <c>TransactWriteItems</c>:
/// the progress put under the batch count read (<c>attribute_not_exists</c> for the first), each code item updated
/// with its <c>assignedCustomerId</c> on the condition that it is still free, each claim put with
/// <c>attribute_not_exists</c>, and the outbox event: at most 2 × 48 + 2 = 98 items.
/// </summary>
internal sealed class DynamoDbCodeDistributionStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options) : ICodeDistributionStore
{
    private const string ProgressPrefix = "DISTRIB#";
    private const string ClaimPrefix = "DISTRIBUTED#";

    // Free codes are searched past the taken ones with a filter; a large page saves round trips.
    private const int CodePage = 250;

    private readonly string _table = options.Value.Table;
    private readonly VersionedItems<Campaign> _campaigns = new(dynamo, options.Value.Table, DynamoDbCampaignStore.Schema);

    public async Task<IReadOnlyList<DistributionProgress>> ListAsync(string campaignId, long revision, CancellationToken ct)
    {
        var found = new List<DistributionProgress>();
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = _table,
                KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
                ExpressionAttributeValues = new()
                {
                    [":pk"] = _campaigns.Key(campaignId)[TableLayout.Pk],
                    [":prefix"] = Attr.S($"{ProgressPrefix}{Number(revision, "D19")}#"),
                },
                ConsistentRead = true,
                ExclusiveStartKey = after,
            }, ct);
            found.AddRange(response.Items.Select(i => JsonSerializer.Deserialize(i.GetS("doc")!, DocumentJson.Default.DistributionProgress)!));
            after = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (after is not null);

        return found;
    }

    public async Task<IReadOnlyList<PromoCode>> FreeCodesAsync(string promotionId, string? afterId, int limit, DateTimeOffset now, CancellationToken ct)
    {
        var codes = new List<PromoCode>();
        var partition = CodeItems.ListPartition(promotionId);
        if (!KeyLimits.FitsPartitionKey(partition) || limit <= 0)
        {
            return codes;
        }

        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var e = new Expr();
            var key = $"{e[TableLayout.Gsi1Pk]} = {e.Value(partition)}" + (afterId is null ? "" : $" AND {e[TableLayout.Gsi1Sk]} > {e.Value(afterId)}");
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = _table,
                IndexName = TableIndex.Gsi1.Name,
                KeyConditionExpression = key,
                FilterExpression = Free(e, now),
                ExpressionAttributeNames = e.Names,
                ExpressionAttributeValues = e.Values,
                Limit = CodePage,
                ExclusiveStartKey = start,
            }, ct);
            codes.AddRange(response.Items.Select(CodeItems.Read));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null && codes.Count < limit);

        return codes.Count > limit ? codes[..limit] : codes;
    }

    public async Task<IReadOnlySet<string>> ClaimedAsync(string promotionId, IReadOnlyList<string> customerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var ids = customerIds.Distinct(StringComparer.Ordinal).ToArray();
        var items = await BatchReads.ReadAsync(dynamo, _table, [.. ids.Select(c => ClaimKey(promotionId, c))], ct);
        return ids.Where((_, i) => items[i] is not null).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<bool> WriteBatchAsync(DistributionBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var progress = batch.Progress;
        var item = ProgressKey(progress);
        item["doc"] = Attr.S(JsonSerializer.Serialize(progress, DocumentJson.Default.DistributionProgress));
        item["batches"] = Attr.N(progress.Batches);
        item["state"] = Attr.S(progress.State.ToString());
        var expected = new Expr();
        var put = new Put
        {
            TableName = _table,
            Item = item,
            ConditionExpression = batch.ExpectedBatches == 0
                ? $"attribute_not_exists({expected[TableLayout.Pk]})"
                : $"{expected["batches"]} = {expected.Value(batch.ExpectedBatches)} AND {expected["state"]} = {expected.Value(nameof(DistributionState.Running))}",
        };
        (put.ExpressionAttributeNames, put.ExpressionAttributeValues) = (expected.Names, expected.Values);
        List<TransactWriteItem> items = [new() { Put = put }];
        foreach (var given in batch.Codes)
        {
            var e = new Expr();
            items.Add(e.Update(_table, CodeItems.Key(given.Code), $"SET {e["assignedCustomerId"]} = {e.Value(given.CustomerId)}",
                $"{e["promotionId"]} = {e.Value(progress.PromotionId)} AND {Free(e, progress.UpdatedAt)}"));
            var claim = ClaimKey(progress.PromotionId, given.CustomerId);
            claim["code"] = Attr.S(given.Code);
            claim["campaignId"] = Attr.S(progress.CampaignId);
            claim["batch"] = Attr.N(progress.Batches);
            items.Add(new() { Put = new Put { TableName = _table, Item = claim, ConditionExpression = "attribute_not_exists(pk)" } });
        }

        if (batch.Event is { } distributed)
        {
            items.Add(OutboxItems.Put(_table, distributed));
        }

        return await Transactions.WriteAsync(dynamo, items, ct) is null;
    }

    // Active, never used, given to nobody, not expired.
    private static string Free(Expr e, DateTimeOffset now)
    {
        var expiresAt = e["expiresAt"];
        return $"{e["uses"]} = {e.Value(0)} AND {e["active"]} = {e.Value(Attr.Bool(true))} AND attribute_not_exists({e["assignedCustomerId"]})"
            + $" AND (attribute_not_exists({expiresAt}) OR {expiresAt} > {e.Value(now.UtcTicks)})";
    }

    private Dictionary<string, AttributeValue> ProgressKey(DistributionProgress p)
    {
        var key = _campaigns.Key(p.CampaignId);
        key[TableLayout.Sk] = Attr.S($"{ProgressPrefix}{Number(p.Revision, "D19")}#{Number(p.StageIndex, "D4")}#{Number(p.ChangeIndex, "D2")}");
        return key;
    }

    private static Dictionary<string, AttributeValue> ClaimKey(string promotionId, string customerId) =>
        Attr.Key(CodeItems.CountPrefix + promotionId, ClaimPrefix + customerId);

    private static string Number(long value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
