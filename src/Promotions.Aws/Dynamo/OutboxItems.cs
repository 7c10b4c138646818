using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using Promotions.Domain.Tracing;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// Outbox items of the main table: every adapter that changes state adds <see cref="Put"/> of its events to the
/// same <c>TransactWriteItems</c> as the change, so a committed change always has its event. A pending item is
/// in the sparse index <c>gsi1</c> under one of <see cref="Shards"/> partitions (so a burst of events does not
/// heat one index partition) until the relay marks it dispatched.
/// </summary>
internal static class OutboxItems
{
    public const string PkPrefix = "OUTBOX#";
    public const string Sk = "#EVENT";
    public const string PendingPrefix = "OUTBOX#";
    public const int Shards = 16;

    private const string UlidAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string PendingPartition(int shard) => PendingPrefix + shard.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// The lowest pending-index sort key of an event written at <paramref name="instant"/>: event ids are
    /// <c>evt_</c> and a ULID whose first ten characters are its milliseconds, so every event written earlier sorts
    /// below it (the relay's sweep reads <c>gsi1sk &lt; PendingBefore(now − age)</c>).
    /// </summary>
    public static string PendingBefore(DateTimeOffset instant)
    {
        var ms = (ulong)Math.Max(0, instant.ToUnixTimeMilliseconds());
        Span<char> time = stackalloc char[10];
        for (var i = 9; i >= 0; i--)
        {
            time[i] = UlidAlphabet[(int)(ms & 31)];
            ms >>= 5;
        }

        return string.Concat(DomainEvent.IdPrefix, "_", time);
    }

    /// <summary>True when <paramref name="item"/> is an outbox event (by its key).</summary>
    public static bool IsOutbox(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.GetS(TableLayout.Sk) == Sk && item.GetS(TableLayout.Pk) is { } pk && pk.StartsWith(PkPrefix, StringComparison.Ordinal);
    }

    /// <summary>The event an outbox item holds, or null when a member is missing or malformed.</summary>
    public static OutboxMessage? Read(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.GetS("eventId") is not { Length: > 0 } eventId || item.GetS("type") is not { Length: > 0 } type
            || item.GetS("payload") is not { Length: > 0 } payload
            || !DateTimeOffset.TryParse(item.GetS("occurredAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var occurredAt)
            || !int.TryParse(item.TryGetValue("version", out var v) ? v.N ?? "1" : "1", CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        // DynamoDB has no sequence; the commit time orders the outbox (ids break ties, and sort by time too).
        return new OutboxMessage(occurredAt.ToUnixTimeMilliseconds(), eventId, type, version, occurredAt, payload,
            item.GetS(XRayTraceHeader.TraceParentAttribute));
    }

    /// <summary>
    /// The shard of an event id: stable, so the relay and the writer agree without storing it. Ids end in random
    /// ULID characters (<c>Ids.New</c>), so the last character spreads events evenly.
    /// </summary>
    public static int ShardOf(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var last = eventId[^1];
        var index = UlidAlphabet.IndexOf(last, StringComparison.Ordinal);
        return (index >= 0 ? index : last) % Shards;
    }

    public static TransactWriteItem Put(string table, DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return new TransactWriteItem
        {
            Put = new Put
            {
                TableName = table,
                Item = Item(domainEvent),
                ConditionExpression = "attribute_not_exists(pk)",
            },
        };
    }

    public static Dictionary<string, AttributeValue> Item(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var item = Attr.Key(PkPrefix + domainEvent.EventId, Sk);
        item["eventId"] = Attr.S(domainEvent.EventId);
        item["type"] = Attr.S(domainEvent.Type);
        item["version"] = Attr.N(domainEvent.Version);
        item["occurredAt"] = Attr.S(domainEvent.OccurredAt.ToString("O", CultureInfo.InvariantCulture));
        item["payload"] = Attr.S(EventEnvelope.Write(domainEvent));
        if (XRayTraceHeader.CurrentTraceParent() is { } traceParent)
        {
            // The trace of the request that made the change, carried by the relay to the queues (docs/deploy.md, Operations).
            item[XRayTraceHeader.TraceParentAttribute] = Attr.S(traceParent);
        }

        item[TableLayout.Gsi1Pk] = Attr.S(PendingPartition(ShardOf(domainEvent.EventId)));
        item[TableLayout.Gsi1Sk] = Attr.S(domainEvent.EventId);
        return item;
    }
}
