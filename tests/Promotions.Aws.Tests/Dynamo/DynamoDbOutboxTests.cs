using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Events;

namespace Promotions.Aws.Tests.Dynamo;

/// <summary>The outbox read side on DynamoDB: pending events across shards, oldest first, until marked.</summary>
public sealed class DynamoDbOutboxTests : IAsyncLifetime
{
    private readonly AwsTestResources _aws = new();

    private IOutbox Outbox => _aws.Services.GetRequiredService<IOutbox>();

    public Task InitializeAsync() => _aws.InitializeAsync();

    public Task DisposeAsync() => _aws.DisposeAsync();

    [Fact]
    public async Task ReadPending_ReturnsEveryShardsEventsOldestFirst_AndMarkedOnesNoMore()
    {
        var start = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, 40)
            .Select(i => new CodesGenerated($"evt_01JD3W5Q7X9G8K2M4N6P8R{i:D2}{"0123456789ABCDEFGHJKMNPQRSTVWXYZ"[i % 32]}", start.AddSeconds(i), "prm_1", "job_1", i + 1))
            .ToList();
        foreach (var chunk in events.Chunk(20))
        {
            await _aws.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. chunk.Select(e => OutboxItems.Put(_aws.Table, e))] });
        }

        var pending = await Outbox.ReadPendingAsync(100, default);
        Assert.Equal(events.Select(e => e.EventId).Order(StringComparer.Ordinal), pending.Select(m => m.EventId));
        Assert.Equal(CodesGenerated.TypeName, pending[0].Type);
        Assert.Equal(events.MinBy(e => e.EventId, StringComparer.Ordinal)!.OccurredAt, pending[0].OccurredAt);

        var firstTen = await Outbox.ReadPendingAsync(10, default);
        Assert.Equal(pending.Take(10).Select(m => m.EventId), firstTen.Select(m => m.EventId));

        await Outbox.MarkDispatchedAsync([.. firstTen.Select(m => m.EventId), "evt_UNKNOWN"], default);

        var rest = await Outbox.ReadPendingAsync(100, default);
        Assert.Equal(pending.Skip(10).Select(m => m.EventId), rest.Select(m => m.EventId));
        var unknown = await _aws.DynamoDb.GetItemAsync(_aws.Table, Attr.Key(OutboxItems.PkPrefix + "evt_UNKNOWN", OutboxItems.Sk));
        Assert.False(unknown.IsItemSet);
    }
}
