namespace Promotions.Domain.Rules.Evaluation;

/// <summary>
/// Compares a typed fact (number, boolean, instant, date, time of day) with constants. Generic over
/// the value type with struct constraints so comparisons never box.
/// </summary>
internal sealed class ComparisonNode<T> : LeafNode
    where T : struct, IComparable<T>, IEquatable<T>
{
    private readonly Func<EvaluationContext, T?> _read;
    private readonly Func<T, string> _format;
    private readonly RuleOperator _op;
    private readonly T _first;
    private readonly T _second;
    private readonly HashSet<T>? _set;

    public ComparisonNode(FactCondition condition, Func<EvaluationContext, T?> read, Func<T, string> format, T[] operands)
        : base(condition)
    {
        _read = read;
        _format = format;
        _op = condition.Operator;
        _first = operands[0];
        _second = operands[^1];
        _set = _op is RuleOperator.In or RuleOperator.NotIn ? [.. operands] : null;
    }

    public override bool Evaluate(EvaluationContext context)
    {
        if (_read(context) is not { } value)
        {
            return false;
        }

        return _op switch
        {
            RuleOperator.Eq => value.CompareTo(_first) == 0,
            RuleOperator.Neq => value.CompareTo(_first) != 0,
            RuleOperator.In => _set!.Contains(value),
            RuleOperator.NotIn => !_set!.Contains(value),
            RuleOperator.Gt => value.CompareTo(_first) > 0,
            RuleOperator.Gte => value.CompareTo(_first) >= 0,
            RuleOperator.Lt => value.CompareTo(_first) < 0,
            RuleOperator.Lte => value.CompareTo(_first) <= 0,
            RuleOperator.Between => InRange(value),
            _ => throw new InvalidOperationException($"{_op} does not compare values."),
        };
    }

    protected override string Describe(EvaluationContext context) =>
        _read(context) is { } value ? _format(value) : RuleText.Missing;

    private bool InRange(T value) =>
        _first.CompareTo(_second) <= 0
            ? value.CompareTo(_first) >= 0 && value.CompareTo(_second) <= 0
            // Only a time-of-day range may be reversed (validation rejects others): it wraps midnight.
            : value.CompareTo(_first) >= 0 || value.CompareTo(_second) <= 0;
}
