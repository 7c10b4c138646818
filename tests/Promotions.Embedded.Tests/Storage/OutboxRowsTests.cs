using Promotions.Domain.Events;
using Promotions.Domain.Promotions;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Storage;

public sealed class OutboxRowsTests(TempDatabase temp) : IClassFixture<TempDatabase>
{
    private static readonly DateTimeOffset At = new(2026, 12, 8, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppendAll_InOneStatement_KeepsTheEventsOrderAndTheirPayloads()
    {
        var events = Enumerable.Range(0, 5)
            .Select(i => (DomainEvent)new PromotionPublished($"evt_{9 - i}", At.AddTicks(i), $"prm_{i}", "cmp_1", $"Name \"{i}\" é", PromotionKind.Automatic, ["web"], null, null))
            .ToList();

        await temp.Database.WriteAsync(async (connection, transaction) =>
        {
            await OutboxRows.AppendAllAsync(connection, transaction, events, CancellationToken.None);
            return 0;
        }, CancellationToken.None);

        var pending = await new SqliteOutbox(temp.Database, TimeProvider.System).ReadPendingAsync(100, CancellationToken.None);
        Assert.Equal(events.Select(static e => e.EventId), pending.Select(static m => m.EventId));
        Assert.Equal(events.Select(static e => e.OccurredAt), pending.Select(static m => m.OccurredAt));
        Assert.All(pending, static m => Assert.Equal((PromotionPublished.TypeName, 1), (m.Type, m.Version)));
        Assert.Equal(events, pending.Select(static m => System.Text.Json.JsonSerializer.Deserialize(m.Payload, EventJson.Default.DomainEvent)!), new EventComparer());
    }

    private sealed class EventComparer : IEqualityComparer<DomainEvent>
    {
        public bool Equals(DomainEvent? x, DomainEvent? y) =>
            x is PromotionPublished a && y is PromotionPublished b && a.EventId == b.EventId && a.Name == b.Name && a.Channels.SequenceEqual(b.Channels);

        public int GetHashCode(DomainEvent obj) => obj.EventId.GetHashCode(StringComparison.Ordinal);
    }
}
