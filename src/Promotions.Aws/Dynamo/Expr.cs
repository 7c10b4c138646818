using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// The names and values of one request's expressions. Every attribute goes through a <c>#name</c> placeholder (so no
/// attribute can collide with one of DynamoDB's reserved words) and every value through a <c>:vN</c> placeholder, and
/// only what an expression really uses is registered: DynamoDB refuses a request that declares an unused one.
/// </summary>
internal sealed class Expr
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeValue> _values = new(StringComparer.Ordinal);

    /// <summary>The placeholder of attribute <paramref name="attribute"/>.</summary>
    public string this[string attribute]
    {
        get
        {
            var placeholder = "#" + attribute;
            _names[placeholder] = attribute;
            return placeholder;
        }
    }

    /// <summary>The placeholder of a new value.</summary>
    public string Value(AttributeValue value)
    {
        var placeholder = ":v" + _values.Count.ToString(CultureInfo.InvariantCulture);
        _values[placeholder] = value;
        return placeholder;
    }

    public string Value(long value) => Value(Attr.N(value));

    public string Value(string value) => Value(Attr.S(value));

    /// <summary>The names for the request (never empty when an expression names an attribute).</summary>
    public Dictionary<string, string>? Names => _names.Count == 0 ? null : _names;

    /// <summary>The values for the request, or null when there are none (an empty map is refused).</summary>
    public Dictionary<string, AttributeValue>? Values => _values.Count == 0 ? null : _values;

    /// <summary>An update of one item in a transaction.</summary>
    public TransactWriteItem Update(string table, Dictionary<string, AttributeValue> key, string update, string? condition, bool returnOldOnFailure = false) =>
        new()
        {
            Update = new Update
            {
                TableName = table,
                Key = key,
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
                ReturnValuesOnConditionCheckFailure = returnOldOnFailure ? Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD : null,
            },
        };

    /// <summary>A put of one item in a transaction, conditioned by <paramref name="condition"/>.</summary>
    public TransactWriteItem Put(string table, Dictionary<string, AttributeValue> item, string condition) =>
        new()
        {
            Put = new Put
            {
                TableName = table,
                Item = item,
                ConditionExpression = condition,
                ExpressionAttributeNames = Names,
                ExpressionAttributeValues = Values,
            },
        };
}
