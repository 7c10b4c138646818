namespace Promotions.Domain.Rules.Evaluation;

/// <summary>Compares a string fact (ordinal, case-sensitive) with constants.</summary>
internal sealed class StringNode : LeafNode
{
    private readonly Func<EvaluationContext, string?> _read;
    private readonly RuleOperator _op;
    private readonly string _value;
    private readonly HashSet<string>? _set;

    public StringNode(FactCondition condition, Func<EvaluationContext, string?> read)
        : base(condition)
    {
        _read = read;
        _op = condition.Operator;
        var operands = Operands.Strings(condition.Value);
        _value = operands[0];
        _set = _op is RuleOperator.In or RuleOperator.NotIn ? new HashSet<string>(operands, StringComparer.Ordinal) : null;
    }

    public override bool Evaluate(EvaluationContext context)
    {
        if (_read(context) is not { } value)
        {
            return false;
        }

        return _op switch
        {
            RuleOperator.Eq => string.Equals(value, _value, StringComparison.Ordinal),
            RuleOperator.Neq => !string.Equals(value, _value, StringComparison.Ordinal),
            RuleOperator.In => _set!.Contains(value),
            RuleOperator.NotIn => !_set!.Contains(value),
            RuleOperator.Contains => value.Contains(_value, StringComparison.Ordinal),
            RuleOperator.StartsWith => value.StartsWith(_value, StringComparison.Ordinal),
            _ => throw new InvalidOperationException($"{_op} does not apply to strings."),
        };
    }

    protected override string Describe(EvaluationContext context) =>
        _read(context) is { } value ? RuleText.Quote(value) : RuleText.Missing;
}
