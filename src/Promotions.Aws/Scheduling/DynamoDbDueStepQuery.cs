using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Catalog;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Aws.Scheduling;

/// <summary>
/// Due steps on DynamoDB: one query of the schedule's index per kind (<see cref="DueIndex"/>), every item whose next step
/// is at or before now, paged until the partition's due range ends. No scan: a pass reads what is due (and the scheduled
/// promotions that wait on their campaign), not the catalog. The index is eventually consistent, so an item written a
/// moment ago may be found at the next pass, and one read from it carries the version it had there: a stale one only
/// makes the runner's versioned write refuse, and the next pass reads it again.
/// </summary>
internal sealed class DynamoDbDueStepQuery(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options) : IDueStepQuery
{
    private readonly VersionedItems<Campaign> _campaigns = new(dynamo, options.Value.Table, DynamoDbCampaignStore.Schema);
    private readonly VersionedItems<Promotion> _promotions = new(dynamo, options.Value.Table, DynamoDbPromotionStore.Schema);

    public async Task<IReadOnlyList<Campaign>> ListCampaignsDueAsync(DateTimeOffset now, CancellationToken ct) =>
        [.. (await DueAsync(DueIndex.Campaigns, now, ct)).Select(_campaigns.Read)];

    public async Task<IReadOnlyList<Promotion>> ListPromotionsDueAsync(DateTimeOffset now, CancellationToken ct) =>
        [.. (await DueAsync(DueIndex.Promotions, now, ct)).Select(_promotions.Read)];

    private async Task<List<Dictionary<string, AttributeValue>>> DueAsync(string partition, DateTimeOffset now, CancellationToken ct)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = _campaigns.Table,
                IndexName = TableIndex.Gsi3.Name,
                KeyConditionExpression = "#pk = :pk AND #sk < :bound",
                ExpressionAttributeNames = new() { ["#pk"] = TableIndex.Gsi3.PartitionKey, ["#sk"] = TableIndex.Gsi3.SortKey },
                ExpressionAttributeValues = new() { [":pk"] = Attr.S(partition), [":bound"] = Attr.S(DueIndex.Bound(now)) },
                ExclusiveStartKey = start,
            }, ct);
            items.AddRange(response.Items ?? []);
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }
}
