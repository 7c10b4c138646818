using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>
/// Reads rule explanations: whether rules hold, fail, or cannot be settled without a cart, and which leaf
/// conditions made them fail.
/// </summary>
internal static class ConditionTrace
{
    private const string CartPrefix = "cart.";

    public static bool IsCartFact(string? fact) => fact is not null && fact.StartsWith(CartPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Three-valued evaluation of explained rules that must all hold: without a cart, a cart fact is unknown
    /// rather than false, so "needs a cart" is only said when the other conditions do not already decide.
    /// </summary>
    public static Truth Judge(IReadOnlyList<ConditionExplanation> rules, bool hasCart) => All(rules, hasCart);

    /// <summary>The leaves that make the explained rules fail; cart leaves are left out when there is no cart.</summary>
    public static IReadOnlyList<(ConditionExplanation Leaf, bool Negated)> Failures(IReadOnlyList<ConditionExplanation> rules, bool hasCart)
    {
        var failures = new List<(ConditionExplanation, bool)>();
        foreach (var rule in rules)
        {
            Collect(rule, negated: false, hasCart, failures);
        }

        return failures;
    }

    private static Truth Judge(ConditionExplanation node, bool hasCart) => node.Kind switch
    {
        "all" => All(node.Children, hasCart),
        "any" => Any(node.Children, hasCart),
        "not" => Not(Judge(node.Children[0], hasCart)),
        _ when !hasCart && IsCartFact(node.Fact) => Truth.Unknown,
        _ => node.Passed ? Truth.True : Truth.False,
    };

    private static Truth All(IReadOnlyList<ConditionExplanation> children, bool hasCart) => Fold(children, hasCart, Truth.False);

    private static Truth Any(IReadOnlyList<ConditionExplanation> children, bool hasCart) => Fold(children, hasCart, Truth.True);

    // "all" is decided by one false child, "any" by one true child; otherwise an unknown child leaves it unknown.
    private static Truth Fold(IReadOnlyList<ConditionExplanation> children, bool hasCart, Truth decisive)
    {
        var result = decisive == Truth.False ? Truth.True : Truth.False;
        foreach (var child in children)
        {
            var truth = Judge(child, hasCart);
            if (truth == decisive)
            {
                return decisive;
            }

            result = truth == Truth.Unknown ? Truth.Unknown : result;
        }

        return result;
    }

    private static Truth Not(Truth truth) => truth switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    // Under a "not", a node fails when it holds; a subtree that (effectively) holds explains nothing.
    private static void Collect(ConditionExplanation node, bool negated, bool hasCart, List<(ConditionExplanation, bool)> into)
    {
        if (node.Passed != negated || (!hasCart && IsCartFact(node.Fact)))
        {
            return;
        }

        switch (node.Kind)
        {
            case "all" or "any":
                foreach (var child in node.Children)
                {
                    Collect(child, negated, hasCart, into);
                }

                break;
            case "not":
                Collect(node.Children[0], !negated, hasCart, into);
                break;
            default:
                into.Add((node, negated));
                break;
        }
    }
}

/// <summary>The value of a condition when some facts may be unknown.</summary>
internal enum Truth
{
    False,
    True,
    Unknown,
}
