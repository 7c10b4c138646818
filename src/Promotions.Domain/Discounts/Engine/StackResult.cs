namespace Promotions.Domain.Discounts.Engine;

/// <summary>An evaluated stack: one entry per promotion in application order, and what they give together.</summary>
internal sealed record StackResult(IReadOnlyList<StackEntry> Entries, decimal Benefit);
