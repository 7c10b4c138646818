namespace Promotions.Domain.Rules.Evaluation;

/// <summary>A compiled node: sealed subclasses keep the warm path to one virtual call per node.</summary>
internal abstract class ConditionNode(string path)
{
    public string Path { get; } = path;

    public abstract bool Evaluate(EvaluationContext context);

    public abstract ConditionExplanation Explain(EvaluationContext context);
}
