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
internal sealed class CatalogVersion(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options)
{
    public const string Pk = "CATALOG";
    public const string Sk = "#VERSION";

    private readonly string _table = options.Value.Table;

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

    /// <summary>The current version (0 before the first write) and when it was written.</summary>
    public async Task<Stamp> ReadAsync(CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = Attr.Key(Pk, Sk), ConsistentRead = true }, ct);
        var item = response.Item;
        return new Stamp(item?.GetN("v") ?? 0, item?.GetN("changedAt") is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : DateTimeOffset.MinValue);
    }

    /// <summary>A version of the catalog and the time of the write that made it.</summary>
    public sealed record Stamp(long Version, DateTimeOffset ChangedAt);
}
