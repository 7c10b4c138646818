namespace Promotions.Domain.Discounts;

/// <summary>One cart line in a quote: its original amount (all units), the discount it carries and what remains.</summary>
public sealed record LineQuote(string LineId, decimal Original, decimal Discount, decimal Final);
