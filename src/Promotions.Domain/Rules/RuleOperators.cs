using System.Diagnostics.CodeAnalysis;

namespace Promotions.Domain.Rules;

/// <summary>The wire names of <see cref="RuleOperator"/> (<c>eq</c>, <c>not_in</c>, <c>contains_any</c>, ...).</summary>
public static class RuleOperators
{
    private static readonly string[] WireNames =
    [
        "eq", "neq", "in", "not_in", "gt", "gte", "lt", "lte", "between",
        "contains", "contains_any", "contains_all", "starts_with", "exists",
    ];

    private static readonly Dictionary<string, RuleOperator> ByName =
        WireNames.Select(static (name, index) => (name, op: (RuleOperator)index))
            .ToDictionary(static p => p.name, static p => p.op, StringComparer.Ordinal);

    /// <summary>Every operator's wire name, in declaration order.</summary>
    public static IReadOnlyList<string> Names => WireNames;

    /// <summary>The wire name of <paramref name="op"/>.</summary>
    public static string Name(RuleOperator op) => WireNames[(int)op];

    /// <summary>Finds the operator whose wire name is <paramref name="name"/>.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out RuleOperator? op)
    {
        if (name is not null && ByName.TryGetValue(name, out var found))
        {
            op = found;
            return true;
        }

        op = null;
        return false;
    }
}
