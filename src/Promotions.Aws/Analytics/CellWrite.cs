using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Analytics;

namespace Promotions.Aws.Analytics;

/// <summary>What one writer adds to one shard of one cell: an <c>ADD</c> of the non-zero sums, and the cell's own key values.</summary>
internal sealed record CellWrite(BucketKey Key, int Shard, Measures Delta)
{
    public string Pk => AnalyticsKeys.CellPk(Key.Scope, Key.ScopeId, Key.Dimension);

    public string Sk => AnalyticsKeys.CellSk(Key, Shard);

    /// <summary>False when the delta rounds to nothing in minor units (a sum that cancelled): no item to write.</summary>
    public bool IsEmpty => CellSums.ToNumbers(Delta, Key.Currency).All(n => n == 0);

    public TransactWriteItem ToUpdate(string table)
    {
        var numbers = CellSums.ToNumbers(Delta, Key.Currency);
        var names = new Dictionary<string, string> { ["#value"] = "value", ["#day"] = "day", ["#currency"] = "currency" };
        var values = new Dictionary<string, AttributeValue>
        {
            [":value"] = Attr.S(Key.Value),
            [":day"] = Attr.S(AnalyticsKeys.Day(Key.Day)),
            [":currency"] = Attr.S(Key.Currency),
        };
        var adds = new List<string>();
        for (var i = 0; i < numbers.Length; i++)
        {
            if (numbers[i] != 0)
            {
                names["#s" + i] = CellSums.Names[i];
                values[":s" + i] = Attr.N(numbers[i]);
                adds.Add($"#s{i} :s{i}");
            }
        }

        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = table,
                Key = Attr.Key(Pk, Sk),
                UpdateExpression = "SET #value = :value, #day = :day, #currency = :currency ADD " + string.Join(", ", adds),
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            },
        };
    }
}
