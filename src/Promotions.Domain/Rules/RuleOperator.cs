namespace Promotions.Domain.Rules;

/// <summary>The operators of the rule language; the wire names are in <see cref="RuleOperators"/>.</summary>
public enum RuleOperator
{
    Eq,
    Neq,
    In,
    NotIn,
    Gt,
    Gte,
    Lt,
    Lte,
    Between,
    Contains,
    ContainsAny,
    ContainsAll,
    StartsWith,
    Exists,
}
