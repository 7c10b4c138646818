using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Catalog;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Aws.Plans;

/// <summary>
/// Plan steps on DynamoDB: a step's record is <c>CAMPAIGN#&lt;id&gt; / PLANSTEP#&lt;revision&gt;#&lt;index&gt;</c>, in the
/// campaign's partition, put with <c>attribute_not_exists(pk)</c> in the same <c>TransactWriteItems</c> as the campaign
/// (written, or only checked, under the version it was read at), the promotions under theirs, the catalog version and
/// the outbox events: the step is written whole exactly once, or not at all.
/// </summary>
internal sealed class DynamoDbCampaignPlanStore(
    IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, CatalogVersion version, TimeProvider clock) : ICampaignPlanStore
{
    private const string StepPrefix = "PLANSTEP#";

    private readonly string _table = options.Value.Table;
    private readonly VersionedItems<Campaign> _campaigns = new(dynamo, options.Value.Table, DynamoDbCampaignStore.Schema);
    private readonly VersionedItems<Promotion> _promotions = new(dynamo, options.Value.Table, DynamoDbPromotionStore.Schema);

    public async Task<IReadOnlyList<Campaign>> ListWithPlansAsync(CancellationToken ct)
    {
        var running = await _campaigns.ListAllAsync(new ItemFilter(), ct);
        return [.. running.Where(c => c.Plan is not null
            && c.Status is LifecycleStatus.Scheduled or LifecycleStatus.Active or LifecycleStatus.Paused)];
    }

    public async Task<IReadOnlyList<StepRecord>> ListStepsAsync(string campaignId, long revision, CancellationToken ct)
    {
        var records = new List<StepRecord>();
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = _table,
                KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
                ExpressionAttributeValues = new()
                {
                    [":pk"] = Attr.S(_campaigns.Key(campaignId)[TableLayout.Pk].S),
                    [":prefix"] = Attr.S($"{StepPrefix}{Revision(revision)}#"),
                },
                ConsistentRead = true,
                ExclusiveStartKey = after,
            }, ct);
            records.AddRange(response.Items.Select(i => JsonSerializer.Deserialize(i.GetS("doc")!, DocumentJson.Default.StepRecord)!));
            after = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (after is not null);

        return records;
    }

    public async Task<StageWriteStatus> WriteStepAsync(StageWrite write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        var record = _campaigns.Key(write.CampaignId);
        record[TableLayout.Sk] = Attr.S($"{StepPrefix}{Revision(write.Record.Revision)}#{write.Record.Index.ToString("D4", CultureInfo.InvariantCulture)}");
        record["doc"] = Attr.S(JsonSerializer.Serialize(write.Record, DocumentJson.Default.StepRecord));
        List<TransactWriteItem> items =
        [
            new() { Put = new Put { TableName = _table, Item = record, ConditionExpression = "attribute_not_exists(pk)" } },
            write.Campaign is { } campaign
                ? Versioned(_campaigns.ItemOf(campaign with { Version = write.CampaignVersion + 1 }), write.CampaignVersion)
                : new()
                {
                    ConditionCheck = new ConditionCheck
                    {
                        TableName = _table,
                        Key = _campaigns.Key(write.CampaignId),
                        ConditionExpression = "version = :expected",
                        ExpressionAttributeValues = new() { [":expected"] = Attr.N(write.CampaignVersion) },
                    },
                },
            .. write.Promotions.Select(p => Versioned(_promotions.ItemOf(p.Promotion with { Version = p.ExpectedVersion + 1 }), p.ExpectedVersion)),
            version.Bump(clock.GetUtcNow()),
            .. write.Promotions.SelectMany(p => p.Events).Concat(write.Events).Select(e => OutboxItems.Put(_table, e)),
        ];
        var reasons = await Transactions.WriteAsync(dynamo, items, ct);
        if (reasons is null)
        {
            version.Changed();
            return StageWriteStatus.Written;
        }

        return Transactions.Failed(reasons, 0) ? StageWriteStatus.AlreadyRan : StageWriteStatus.Conflict;
    }

    private TransactWriteItem Versioned(Dictionary<string, AttributeValue> item, long expected) => new()
    {
        Put = new Put
        {
            TableName = _table,
            Item = item,
            ConditionExpression = "version = :expected",
            ExpressionAttributeValues = new() { [":expected"] = Attr.N(expected) },
        },
    };

    private static string Revision(long revision) => revision.ToString("D19", CultureInfo.InvariantCulture);
}
