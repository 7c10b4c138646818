namespace Promotions.Domain.Rules;

/// <summary>
/// A condition of the rule language, as parsed and validated by <see cref="RuleLanguage.Parse(System.Text.Json.JsonElement, string)"/>.
/// <paramref name="Path"/> is the JSON path of the node in the document it came from; explanations report it.
/// </summary>
public abstract record Condition(string Path);

/// <summary>Holds when every one of <paramref name="Conditions"/> holds (<c>{"all":[...]}</c>).</summary>
public sealed record AllCondition(string Path, IReadOnlyList<Condition> Conditions) : Condition(Path);

/// <summary>Holds when at least one of <paramref name="Conditions"/> holds (<c>{"any":[...]}</c>).</summary>
public sealed record AnyCondition(string Path, IReadOnlyList<Condition> Conditions) : Condition(Path);

/// <summary>Holds when <paramref name="Inner"/> does not (<c>{"not":{...}}</c>).</summary>
public sealed record NotCondition(string Path, Condition Inner) : Condition(Path);

/// <summary>
/// A leaf: compares the fact named <paramref name="Fact"/> (e.g. <c>cart.subtotal</c>) with
/// <paramref name="Value"/> using <paramref name="Operator"/>; <paramref name="Parameters"/> carry the
/// fact's extra properties (<c>withinDays</c>, <c>timeZone</c>, <c>sku</c>, <c>category</c>, <c>from</c>).
/// </summary>
public sealed record FactCondition(string Path, string Fact, RuleOperator Operator, Operand Value, FactParameters Parameters)
    : Condition(Path);
