namespace Promotions.Domain.Rules.Evaluation;

/// <summary>Holds when every child holds; stops at the first that does not.</summary>
internal sealed class AllNode(string path, ConditionNode[] children) : ConditionNode(path)
{
    public override bool Evaluate(EvaluationContext context)
    {
        foreach (var child in children)
        {
            if (!child.Evaluate(context))
            {
                return false;
            }
        }

        return true;
    }

    public override ConditionExplanation Explain(EvaluationContext context)
    {
        var explained = Array.ConvertAll(children, c => c.Explain(context));
        return new(Path, "all", null, null, Array.TrueForAll(explained, static e => e.Passed), null, null, explained);
    }
}
