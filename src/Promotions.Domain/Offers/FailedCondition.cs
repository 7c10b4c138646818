namespace Promotions.Domain.Offers;

/// <summary>
/// One rule condition that stopped a promotion: where it is in the promotion (<paramref name="Path"/>, e.g.
/// <c>$.rules[0].condition.all[1]</c>), the fact and operator, what was expected and what the request had
/// (JSON literals, or <c>missing</c>), and what to do about it where something helps.
/// </summary>
/// <param name="Operator">The operator; <c>not </c> precedes it when the condition failed because it held inside a <c>not</c>.</param>
public sealed record FailedCondition(string Path, string? Fact, string? Operator, string? Expected, string? Actual, string? Hint);
