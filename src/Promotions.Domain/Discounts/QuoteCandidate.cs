using Promotions.Domain.Promotions;

namespace Promotions.Domain.Discounts;

/// <summary>An eligible promotion offered to the engine: its parsed effect and how it stacks.</summary>
/// <param name="Priority">Higher applies first; ties are broken by <paramref name="PromotionId"/> (ordinal), then <paramref name="Code"/>.</param>
/// <param name="Code">The code the customer entered for it; null for automatic promotions.</param>
public sealed record QuoteCandidate(string PromotionId, DiscountEffect Effect, int Priority, Stacking Stacking, string? Code = null);
