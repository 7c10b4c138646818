using Amazon.DynamoDBv2.Model;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

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

    public static string PendingPartition(int shard) => PendingPrefix + shard.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

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
        item["occurredAt"] = Attr.S(domainEvent.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        item["payload"] = Attr.S(EventEnvelope.Write(domainEvent));
        item[TableLayout.Gsi1Pk] = Attr.S(PendingPartition(ShardOf(domainEvent.EventId)));
        item[TableLayout.Gsi1Sk] = Attr.S(domainEvent.EventId);
        return item;
    }
}
