using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Aws.Tests.Dynamo;

/// <summary>The outbox item every AWS adapter writes with its change, on a real table.</summary>
public sealed class OutboxItemsTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private static CodesGenerated Event(string id) => new(id, new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), "prm_1", "job_1", 25);

    [Fact]
    public async Task Put_InATransaction_StoresTheEnvelopeAndIndexesItAsPending()
    {
        var domainEvent = Event("evt_01JD3W5Q7X9G8K2M4N6P8R0T2V");

        await aws.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [OutboxItems.Put(aws.Table, domainEvent)] });

        var stored = (await aws.DynamoDb.GetItemAsync(aws.Table, Attr.Key(OutboxItems.PkPrefix + domainEvent.EventId, OutboxItems.Sk))).Item;
        var envelope = EventEnvelope.Read(stored.GetS("payload")!);
        Assert.Equal(domainEvent, envelope!.Event);
        Assert.Equal(CodesGenerated.TypeName, stored.GetS("type"));
        var pending = await aws.DynamoDb.QueryAsync(new QueryRequest
        {
            TableName = aws.Table,
            IndexName = TableLayout.Gsi1,
            KeyConditionExpression = "gsi1pk = :p",
            ExpressionAttributeValues = new() { [":p"] = Attr.S(OutboxItems.PendingPartition(OutboxItems.ShardOf(domainEvent.EventId))) },
        });
        Assert.Contains(pending.Items, i => i.GetS("eventId") == domainEvent.EventId);
    }

    [Fact]
    public async Task Put_OfTheSameEventTwice_IsRefusedByItsCondition()
    {
        var domainEvent = Event("evt_01JD3W5Q7X9G8K2M4N6P8R0T2W");
        await aws.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [OutboxItems.Put(aws.Table, domainEvent)] });

        await Assert.ThrowsAsync<TransactionCanceledException>(() =>
            aws.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [OutboxItems.Put(aws.Table, domainEvent)] }));
    }

    [Fact]
    public void ShardOf_SpreadsUlidEndingsEvenlyOverEveryShard()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

        var counts = alphabet.Select(c => OutboxItems.ShardOf("evt_0000" + c)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(OutboxItems.Shards, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(2, n));
    }
}
