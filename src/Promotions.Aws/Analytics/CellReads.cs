using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Analytics;

namespace Promotions.Aws.Analytics;

/// <summary>
/// Slices summed in memory: one query for the cells of a scope and breakdown in a day range (every shard of
/// every cell), one for its customer marks, both strongly consistent so a report sees every event applied
/// before it was asked for.
/// </summary>
internal sealed class CellReads(IAmazonDynamoDB dynamo, string table)
{
    public async Task<IReadOnlyList<AnalyticsRow>> ReadAsync(AnalyticsSlice slice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var (from, to) = AnalyticsKeys.DayRange(slice.Range);
        var cellsTask = QueryAllAsync(Range(AnalyticsKeys.CellPk(slice.Scope, slice.ScopeId, slice.Dimension), from, to), ct);
        var marksTask = QueryAllAsync(Range(AnalyticsKeys.CustomersPk(slice.Scope, slice.ScopeId, slice.Dimension), from, to), ct);
        var (cells, marks) = (await cellsTask, await marksTask);

        var customers = marks
            .GroupBy(m => Group(m, slice.ByDay))
            .ToDictionary(g => g.Key, g => (long)g.Select(m => m.GetS("customerId")).Distinct(StringComparer.Ordinal).Count());
        return
        [
            .. cells
                .GroupBy(c => Group(c, slice.ByDay))
                .Select(g => new AnalyticsRow(
                    g.Key.Value, g.Key.Day, g.Key.Currency,
                    g.Aggregate(default(Measures), (sum, c) => sum + CellSums.Read(c, g.Key.Currency)),
                    customers.GetValueOrDefault(g.Key)))
                .OrderBy(r => r.Value, StringComparer.Ordinal).ThenBy(r => r.Day).ThenBy(r => r.Currency, StringComparer.Ordinal),
        ];
    }

    /// <summary>Every item of a query, following the pages.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(QueryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var response = await dynamo.QueryAsync(request, ct);
            items.AddRange(response.Items ?? []);
            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return items;
    }

    private QueryRequest Range(string pk, string from, string to) => new()
    {
        TableName = table,
        KeyConditionExpression = "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues = new() { [":pk"] = Attr.S(pk), [":from"] = Attr.S(from), [":to"] = Attr.S(to) },
        ConsistentRead = true,
    };

    private static (string Value, DateOnly? Day, string Currency) Group(Dictionary<string, AttributeValue> item, bool byDay) =>
        (item.GetS("value") ?? "", byDay ? AnalyticsKeys.ParseDay(item.GetS("day")!) : null, item.GetS("currency") ?? "");
}
