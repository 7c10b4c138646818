using System.Text.Json;
using Promotions.Domain.Events;

namespace Promotions.Contracts.Support;

/// <summary>Reads back what a store wrote to the outbox, for contracts that check a write's events.</summary>
public static class OutboxReader
{
    /// <summary>The pending events of type <typeparamref name="T"/> that <paramref name="belongs"/> accepts.</summary>
    public static async Task<List<T>> PendingAsync<T>(IOutbox outbox, Func<T, bool> belongs)
        where T : DomainEvent
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var messages = await outbox.ReadPendingAsync(100_000, default);
        return [.. messages
            .Select(m => JsonSerializer.Deserialize(m.Payload, EventJson.Default.DomainEvent))
            .OfType<T>()
            .Where(belongs)];
    }

    /// <summary>The ids of every pending event.</summary>
    public static async Task<HashSet<string>> PendingIdsAsync(IOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var messages = await outbox.ReadPendingAsync(100_000, default);
        return [.. messages.Select(m => m.EventId)];
    }
}
