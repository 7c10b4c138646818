namespace Promotions.Domain.Rules.Evaluation;

/// <summary>A compiled fact comparison; subclasses read one kind of fact and apply the operator.</summary>
internal abstract class LeafNode(FactCondition condition) : ConditionNode(condition.Path)
{
    private readonly string _fact = condition.Fact;
    private readonly string _operator = RuleOperators.Name(condition.Operator);
    private readonly string _expected = RuleText.Operand(condition.Value);

    public override ConditionExplanation Explain(EvaluationContext context) =>
        new(Path, "fact", _fact, _operator, Evaluate(context), Describe(context), _expected, []);

    /// <summary>The fact's value in <paramref name="context"/> as a JSON literal, or <see cref="RuleText.Missing"/>.</summary>
    protected abstract string Describe(EvaluationContext context);
}
