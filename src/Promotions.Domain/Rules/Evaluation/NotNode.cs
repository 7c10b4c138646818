namespace Promotions.Domain.Rules.Evaluation;

/// <summary>Holds when its child does not.</summary>
internal sealed class NotNode(string path, ConditionNode inner) : ConditionNode(path)
{
    public override bool Evaluate(EvaluationContext context) => !inner.Evaluate(context);

    public override ConditionExplanation Explain(EvaluationContext context)
    {
        var explained = inner.Explain(context);
        return new(Path, "not", null, null, !explained.Passed, null, null, [explained]);
    }
}
