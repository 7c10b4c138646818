namespace Promotions.Domain.Discounts;

/// <summary>A candidate that gave no discount, and why.</summary>
/// <param name="Reason">One of <see cref="NotAppliedReasons"/>.</param>
/// <param name="Message">A human sentence for the reason.</param>
/// <param name="Hint">What the customer can do to qualify, where there is something (e.g. "Add 12.00 EUR to qualify.").</param>
public sealed record NotApplied(string PromotionId, string? Code, string Reason, string Message, string? Hint);
