namespace Promotions.Domain.Rules.Evaluation;

/// <summary><c>exists</c>: whether the context has the fact at all (an empty list counts as absent).</summary>
internal sealed class ExistsNode(
    FactCondition condition,
    Func<EvaluationContext, bool> isPresent,
    Func<EvaluationContext, string> describe) : LeafNode(condition)
{
    private readonly bool _expected = ((BooleanOperand)condition.Value).Value;

    public override bool Evaluate(EvaluationContext context) => isPresent(context) == _expected;

    protected override string Describe(EvaluationContext context) => describe(context);
}
