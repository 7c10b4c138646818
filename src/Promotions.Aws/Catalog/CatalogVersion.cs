using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Catalog;

/// <summary>
/// The <c>CATALOG</c> / <c>#VERSION</c> item: a number every promotion write and every search-index write adds to in
/// its own transaction (with the time of that write), so a process knows, with one strongly consistent read, whether
/// what it cached of the catalog is still current.
/// </summary>
/// <remarks>
/// Every offers, validation and redemption request asks, so one item would take the reads of all of them: more than a
/// partition serves at peak. A process therefore reads it at most once per <see cref="ReadInterval"/> and reuses the
/// answer in between; its own writes make the next read go to the table (<see cref="Changed"/>), so it always sees
/// them, and another process's write reaches it within the interval.
/// </remarks>
internal sealed class CatalogVersion(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, TimeProvider clock)
{
    public const string Pk = "CATALOG";
    public const string Sk = "#VERSION";

    public static readonly TimeSpan ReadInterval = TimeSpan.FromSeconds(1);

    private readonly string _table = options.Value.Table;
    private Read? _last;

    /// <summary>The update that moves the version on, for the transaction of a write made at <paramref name="now"/>.</summary>
    public TransactWriteItem Bump(DateTimeOffset now) => new()
    {
        Update = new Update
        {
            TableName = _table,
            Key = Attr.Key(Pk, Sk),
            UpdateExpression = "SET changedAt = :now ADD v :one",
            ExpressionAttributeValues = new() { [":one"] = Attr.N(1), [":now"] = Attr.N(now.UtcTicks) },
        },
    };

    /// <summary>The current version (0 before the first write) and when it was written, as read at most <see cref="ReadInterval"/> ago.</summary>
    public async Task<Stamp> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _last) is { } last && now - last.At < ReadInterval)
        {
            return last.Stamp;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = Attr.Key(Pk, Sk), ConsistentRead = true }, ct);
        var item = response.Item;
        var stamp = new Stamp(item?.GetN("v") ?? 0, item?.GetN("changedAt") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : DateTimeOffset.MinValue);
        Volatile.Write(ref _last, new Read(stamp, now));
        return stamp;
    }

    /// <summary>A write of this process that bumped the version committed: the next read asks the table.</summary>
    public void Changed() => Volatile.Write(ref _last, null);

    /// <summary>A version of the catalog and the time of the write that made it.</summary>
    public sealed record Stamp(long Version, DateTimeOffset ChangedAt);

    private sealed record Read(Stamp Stamp, DateTimeOffset At);
}
