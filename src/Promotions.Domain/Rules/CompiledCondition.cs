using Promotions.Domain.Rules.Evaluation;

namespace Promotions.Domain.Rules;

/// <summary>
/// A condition compiled once into a tree of specialised nodes; evaluating it against a built
/// <see cref="EvaluationContext"/> allocates nothing. Safe to share across threads.
/// </summary>
public sealed class CompiledCondition
{
    private readonly ConditionNode _root;

    internal CompiledCondition(ConditionNode root) => _root = root;

    /// <summary>True when the condition holds for <paramref name="context"/>.</summary>
    public bool Evaluate(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _root.Evaluate(context);
    }

    /// <summary>Evaluates every node (no short-circuit) and reports each result with the values compared.</summary>
    public ConditionExplanation Explain(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _root.Explain(context);
    }
}
