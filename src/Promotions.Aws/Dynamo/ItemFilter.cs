using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// A <c>FilterExpression</c> built from optional filters: a filter whose value is null is left out ("any"); names
/// and values are always placeholders, never spliced into the expression.
/// </summary>
internal sealed class ItemFilter
{
    private readonly List<string> _clauses = [];

    public static ItemFilter None => new();

    public Dictionary<string, string> Names { get; } = [];

    public Dictionary<string, AttributeValue> Values { get; } = [];

    public bool IsEmpty => _clauses.Count == 0;

    public string? Expression => IsEmpty ? null : string.Join(" AND ", _clauses);

    /// <summary>Keeps items whose string <paramref name="attribute"/> equals <paramref name="value"/>.</summary>
    public ItemFilter Equal(string attribute, string? value) => Add("{0} = {1}", attribute, value);

    /// <summary>Keeps items whose list <paramref name="attribute"/> holds <paramref name="value"/>.</summary>
    public ItemFilter Contains(string attribute, string? value) => Add("contains({0}, {1})", attribute, value);

    private ItemFilter Add(string clause, string attribute, string? value)
    {
        if (value is not null)
        {
            var n = _clauses.Count;
            Names[$"#f{n}"] = attribute;
            Values[$":f{n}"] = Attr.S(value);
            _clauses.Add(string.Format(null, clause, $"#f{n}", $":f{n}"));
        }

        return this;
    }
}
