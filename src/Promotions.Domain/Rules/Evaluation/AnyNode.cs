namespace Promotions.Domain.Rules.Evaluation;

/// <summary>Holds when a child holds; stops at the first that does.</summary>
internal sealed class AnyNode(string path, ConditionNode[] children) : ConditionNode(path)
{
    public override bool Evaluate(EvaluationContext context)
    {
        foreach (var child in children)
        {
            if (child.Evaluate(context))
            {
                return true;
            }
        }

        return false;
    }

    public override ConditionExplanation Explain(EvaluationContext context)
    {
        var explained = Array.ConvertAll(children, c => c.Explain(context));
        return new(Path, "any", null, null, Array.Exists(explained, static e => e.Passed), null, null, explained);
    }
}
