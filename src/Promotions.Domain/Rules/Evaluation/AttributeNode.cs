namespace Promotions.Domain.Rules.Evaluation;

/// <summary>
/// A comparison on <c>customer.attributes.&lt;path&gt;</c>. Attributes are free-form JSON, so the value's
/// type is only known per customer: a value whose type does not fit the operand makes the condition
/// false (for every operator, <c>neq</c> and <c>not_in</c> included) and the explanation says why.
/// </summary>
internal sealed class AttributeNode : LeafNode
{
    private readonly int _slot;
    private readonly string _path;
    private readonly RuleOperator _op;
    private readonly string[] _strings;
    private readonly decimal[] _numbers;
    private readonly bool? _boolean;
    private readonly string? _equalsString;

    public AttributeNode(FactCondition condition)
        : base(condition)
    {
        _path = condition.Fact[FactCatalog.AttributePrefix.Length..];
        _slot = SlotRegistry.Attributes.Intern(_path);
        _op = condition.Operator;
        var items = Operands.Items(condition.Value);
        _strings = Operands.Strings(new ListOperand([.. items.OfType<StringOperand>()]));
        _numbers = [.. items.OfType<NumberOperand>().Select(static n => n.Value)];
        _boolean = (items[0] as BooleanOperand)?.Value;
        _equalsString = _op == RuleOperator.Eq && _strings.Length == 1 ? _strings[0] : null;
    }

    public override bool Evaluate(EvaluationContext context)
    {
        var value = context.Attribute(_slot, _path);
        if (_equalsString is not null)
        {
            // The most common attribute test (tier == "gold") skips the general dispatch below.
            return value.Kind == AttributeKind.String && string.Equals(value.String, _equalsString, StringComparison.Ordinal);
        }

        if (_op == RuleOperator.Exists)
        {
            return (value.Kind != AttributeKind.Missing) == _boolean;
        }

        return Fits(value) && Test(value);
    }

    protected override string Describe(EvaluationContext context)
    {
        var value = context.Attribute(_slot, _path);
        var text = value.Describe();
        return value.Kind == AttributeKind.Missing || _op == RuleOperator.Exists || Fits(value)
            ? text
            : $"{text} (type mismatch: {value.TypeName} cannot be compared with \"{RuleOperators.Name(_op)}\" {ExpectedType})";
    }

    private string ExpectedType => _op switch
    {
        RuleOperator.Contains or RuleOperator.ContainsAny or RuleOperator.ContainsAll => "to a list",
        _ when _numbers.Length > 0 => "to a number",
        _ when _strings.Length > 0 => "to a string",
        _ => "to a boolean",
    };

    /// <summary>Whether the value's type can be compared with this operator and operand at all.</summary>
    private bool Fits(AttributeValue value) => value.Kind switch
    {
        AttributeKind.String => _op is RuleOperator.Eq or RuleOperator.Neq or RuleOperator.In or RuleOperator.NotIn
            or RuleOperator.Contains or RuleOperator.StartsWith && _strings.Length > 0,
        AttributeKind.Number => _op is RuleOperator.Eq or RuleOperator.Neq or RuleOperator.In or RuleOperator.NotIn
            or RuleOperator.Gt or RuleOperator.Gte or RuleOperator.Lt or RuleOperator.Lte or RuleOperator.Between && _numbers.Length > 0,
        AttributeKind.Boolean => _op is RuleOperator.Eq or RuleOperator.Neq && _boolean is not null,
        AttributeKind.List => _op is RuleOperator.Contains or RuleOperator.ContainsAny or RuleOperator.ContainsAll,
        _ => false,
    };

    private bool Test(AttributeValue value) => _op switch
    {
        RuleOperator.Eq => EqualsOperand(value),
        RuleOperator.Neq => !EqualsOperand(value),
        RuleOperator.In => EqualsOperand(value),
        RuleOperator.NotIn => !EqualsOperand(value),
        RuleOperator.Gt => value.Number > _numbers[0],
        RuleOperator.Gte => value.Number >= _numbers[0],
        RuleOperator.Lt => value.Number < _numbers[0],
        RuleOperator.Lte => value.Number <= _numbers[0],
        RuleOperator.Between => value.Number >= _numbers[0] && value.Number <= _numbers[1],
        RuleOperator.Contains when value.Kind == AttributeKind.String => value.String!.Contains(_strings[0], StringComparison.Ordinal),
        RuleOperator.Contains or RuleOperator.ContainsAll => ListHasAll(value),
        RuleOperator.ContainsAny => ListHasAny(value),
        RuleOperator.StartsWith => value.String!.StartsWith(_strings[0], StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Equal to the operand, or to one of the listed operands for in/not_in.</summary>
    private bool EqualsOperand(AttributeValue value) => value.Kind switch
    {
        AttributeKind.String => Has(_strings, value.String!),
        AttributeKind.Number => Has(_numbers, value.Number),
        _ => value.Boolean == _boolean,
    };

    private bool ListHasAll(AttributeValue value)
    {
        foreach (var item in _strings)
        {
            if (!Has(value.Strings, item))
            {
                return false;
            }
        }

        foreach (var item in _numbers)
        {
            if (!Has(value.Numbers, item))
            {
                return false;
            }
        }

        return true;
    }

    private bool ListHasAny(AttributeValue value)
    {
        foreach (var item in _strings)
        {
            if (Has(value.Strings, item))
            {
                return true;
            }
        }

        foreach (var item in _numbers)
        {
            if (Has(value.Numbers, item))
            {
                return true;
            }
        }

        return false;
    }

    // Plain loops: operand and attribute lists are short, and Array.IndexOf goes through a comparer.
    private static bool Has(string[] items, string item)
    {
        foreach (var candidate in items)
        {
            if (string.Equals(candidate, item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(decimal[] items, decimal item)
    {
        foreach (var candidate in items)
        {
            if (candidate == item)
            {
                return true;
            }
        }

        return false;
    }
}
