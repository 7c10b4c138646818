namespace Promotions.Domain.Rules;

/// <summary>
/// How one node of a condition evaluated. <paramref name="Kind"/> is <c>all</c>, <c>any</c>, <c>not</c> or
/// <c>fact</c>; for a fact, <paramref name="Actual"/> is the context's value as a JSON literal (or
/// <c>missing</c>, with the reason when the attribute's type does not fit the operator) and
/// <paramref name="Expected"/> is the operand as written.
/// </summary>
public sealed record ConditionExplanation(
    string Path,
    string Kind,
    string? Fact,
    string? Operator,
    bool Passed,
    string? Actual,
    string? Expected,
    IReadOnlyList<ConditionExplanation> Children);
