using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Aws.Analytics;

/// <summary>
/// The analytics aggregates on DynamoDB (docs/dynamodb.md, "Analytics table"). One event is applied in steps
/// that are each safe to repeat, ending with the transaction that claims the event:
/// <list type="number">
/// <item>an event already claimed is a duplicate and changes nothing;</item>
/// <item>its customer marks are put (a set: putting one twice changes nothing), and an event that joins others
/// is put under its join key with them;</item>
/// <item>then it reads its partners there with a strongly consistent query: of two partners that race, the
/// later reader always sees the earlier writer, so no pair is missed, and a pair both sides see is claimed once;</item>
/// <item>the pairs' sums and its own sums are written in transactions of at most 100 items, each part under
/// its own claim, the event's claim in the last one.</item>
/// </list>
/// </summary>
internal sealed class DynamoDbAnalyticsStore : IAnalyticsStore
{
    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;
    private readonly TimeProvider _clock;
    private readonly PlanWriter _writer;
    private readonly CellReads _reads;

    public DynamoDbAnalyticsStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = options.Value.AnalyticsTable is { Length: > 0 } table
            ? table
            : throw new InvalidOperationException("Aws:AnalyticsTable must name the analytics table.");
        _dynamo = dynamo;
        _clock = clock;
        _writer = new PlanWriter(dynamo, _table, clock);
        _reads = new CellReads(dynamo, _table);
    }

    public async Task<bool> ApplyAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (await ExistsAsync(AnalyticsKeys.Processed(domainEvent.EventId), ct))
        {
            return false;
        }

        var alone = AnalyticsProjection.Apply(domainEvent, RelatedFacts.None);
        var key = AnalyticsProjection.JoinKey(domainEvent);
        var items = alone.Customers.DistinctBy(m => (m.Key, m.CustomerId)).Select(Mark).ToList();
        if (key is not null && alone.Remember is { } remembered)
        {
            items.Add(Fact(key, remembered));
        }

        await PutAllAsync(items, ct);
        var pairs = key is null ? [] : await JoinAsync(domainEvent, key, alone, ct);
        return await _writer.WriteAsync(domainEvent.Type, WritePlan.Build(domainEvent.EventId, alone.Contributions, pairs), ct);
    }

    public async Task<bool> ParkAsync(string eventId, string type, int version, string envelope, CancellationToken ct)
    {
        var (pk, sk) = AnalyticsKeys.Parked(eventId);
        var item = Attr.Key(pk, sk);
        item["eventId"] = Attr.S(eventId);
        item["type"] = Attr.S(type);
        item["version"] = Attr.N(version);
        item["envelope"] = Attr.S(envelope);
        item["parkedAt"] = Attr.S(_clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        try
        {
            await _dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = item, ConditionExpression = "attribute_not_exists(pk)" }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<AnalyticsRow>> ReadAsync(AnalyticsSlice slice, CancellationToken ct) => _reads.ReadAsync(slice, ct);

    public async Task<IReadOnlyList<BudgetThresholdCrossed>> ThresholdsAsync(string campaignId, CancellationToken ct)
    {
        var facts = await FactsAsync(campaignId, AnalyticsKeys.FactSk(BudgetThresholdCrossed.TypeName, ""), ct);
        return [.. facts.OfType<BudgetThresholdCrossed>().OrderBy(t => t.OccurredAt).ThenBy(t => t.EventId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The pairs the event forms with what it finds under its join key, read after the event itself was put there
    /// (its fact with its customer marks, or its link here).
    /// </summary>
    private async Task<IReadOnlyList<JoinedPair>> JoinAsync(DomainEvent domainEvent, string key, AnalyticsChange alone, CancellationToken ct)
    {
        if (alone.Remember is null && (alone.Link is not { } link || !await PutLinkAsync(key, link.CampaignId, domainEvent.EventId, ct)))
        {
            // Nothing to remember, or the link was made by another catalog event, which combines it with the codes.
            return [];
        }

        if (JoinPartners.PrefixOf(domainEvent) is not { } prefix)
        {
            return [];
        }

        var items = await QueryJoinAsync(key, prefix, ct);
        var facts = items.Where(i => i.ContainsKey("payload")).Select(ReadFact).ToList();
        var campaigns = items.Select(i => i.GetS("campaignId")).OfType<string>().ToList();
        return JoinPartners.Pairs(domainEvent, alone, facts, campaigns);
    }

    /// <summary>
    /// Makes the link from a promotion to a campaign, owned by the first catalog event that names it; true when
    /// this event owns it (first, or a redelivery of the first), so exactly one event combines it with the codes
    /// that came before it.
    /// </summary>
    private async Task<bool> PutLinkAsync(string promotionId, string campaignId, string eventId, CancellationToken ct)
    {
        var item = Attr.Key(AnalyticsKeys.JoinPk(promotionId), AnalyticsKeys.LinkSk(campaignId));
        item["campaignId"] = Attr.S(campaignId);
        item["by"] = Attr.S(eventId);
        try
        {
            await _dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = item,
                ConditionExpression = "attribute_not_exists(pk) OR #by = :by",
                ExpressionAttributeNames = new() { ["#by"] = "by" },
                ExpressionAttributeValues = new() { [":by"] = Attr.S(eventId) },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<List<DomainEvent>> FactsAsync(string key, string prefix, CancellationToken ct) =>
        [.. (await QueryJoinAsync(key, prefix, ct)).Select(ReadFact)];

    private static DomainEvent ReadFact(Dictionary<string, AttributeValue> item) =>
        EventEnvelope.Read(item.GetS("payload")!)?.Event
        ?? throw new InvalidDataException($"The analytics fact {item.GetS(TableLayout.Sk)} is not an event this build reads.");

    private Task<List<Dictionary<string, AttributeValue>>> QueryJoinAsync(string key, string prefix, CancellationToken ct) =>
        _reads.QueryAllAsync(new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues = new() { [":pk"] = Attr.S(AnalyticsKeys.JoinPk(key)), [":prefix"] = Attr.S(prefix) },
            ConsistentRead = true,
        }, ct);

    private async Task<bool> ExistsAsync((string Pk, string Sk) key, CancellationToken ct)
    {
        var response = await _dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = Attr.Key(key.Pk, key.Sk),
            ConsistentRead = true,
            ProjectionExpression = "pk",
        }, ct);
        return response.IsItemSet;
    }

    private static Dictionary<string, AttributeValue> Mark(CustomerMark mark)
    {
        var item = Attr.Key(AnalyticsKeys.CustomersPk(mark.Key.Scope, mark.Key.ScopeId, mark.Key.Dimension), AnalyticsKeys.CustomerSk(mark.Key, mark.CustomerId));
        item["value"] = Attr.S(mark.Key.Value);
        item["day"] = Attr.S(AnalyticsKeys.Day(mark.Key.Day));
        item["currency"] = Attr.S(mark.Key.Currency);
        item["customerId"] = Attr.S(mark.CustomerId);
        return item;
    }

    private static Dictionary<string, AttributeValue> Fact(string key, DomainEvent remembered)
    {
        var item = Attr.Key(AnalyticsKeys.JoinPk(key), AnalyticsKeys.FactSk(remembered.Type, remembered.EventId));
        item["payload"] = Attr.S(EventEnvelope.Write(remembered));
        return item;
    }

    /// <summary>Puts items that are the same however often they are put (customer marks, facts), 25 to a batch.</summary>
    private async Task PutAllAsync(List<Dictionary<string, AttributeValue>> items, CancellationToken ct)
    {
        foreach (var chunk in items.Chunk(25))
        {
            await BatchWriteAsync([.. chunk.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } })], ct);
        }
    }

    private async Task BatchWriteAsync(List<WriteRequest> requests, CancellationToken ct)
    {
        for (var attempt = 1; requests.Count > 0; attempt++)
        {
            var response = await _dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [_table] = requests } }, ct);
            requests = response.UnprocessedItems is { } unprocessed && unprocessed.TryGetValue(_table, out var left) ? left : [];
            if (requests.Count > 0)
            {
                if (attempt >= 10)
                {
                    throw new InvalidOperationException($"DynamoDB left {requests.Count} analytics items unprocessed after {attempt} attempts.");
                }

                // Unprocessed items mean the table is throttling: back off before the rest.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 25 << attempt)), ct);
            }
        }
    }
}
