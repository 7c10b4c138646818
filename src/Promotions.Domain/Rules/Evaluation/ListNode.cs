namespace Promotions.Domain.Rules.Evaluation;

/// <summary><c>contains</c>, <c>contains_any</c> and <c>contains_all</c> over a list fact.</summary>
internal sealed class ListNode(FactCondition condition, ListFact fact) : LeafNode(condition)
{
    private readonly RuleOperator _op = condition.Operator;
    private readonly string[] _items = Operands.Strings(condition.Value);

    public override bool Evaluate(EvaluationContext context) => _op switch
    {
        RuleOperator.Contains or RuleOperator.ContainsAll => ContainsAll(context),
        RuleOperator.ContainsAny => ContainsAny(context),
        _ => throw new InvalidOperationException($"{_op} does not apply to lists."),
    };

    protected override string Describe(EvaluationContext context) => fact.Describe(context);

    private bool ContainsAll(EvaluationContext context)
    {
        foreach (var item in _items)
        {
            if (!fact.Contains(context, item))
            {
                return false;
            }
        }

        return true;
    }

    private bool ContainsAny(EvaluationContext context)
    {
        foreach (var item in _items)
        {
            if (fact.Contains(context, item))
            {
                return true;
            }
        }

        return false;
    }
}
