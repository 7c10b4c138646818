using Promotions.Domain.Offers.Input;

namespace Promotions.Validation.Quotes;

/// <summary>
/// <c>POST /validate</c>: a cart on a channel, for a stored customer (<paramref name="CustomerId"/>), an inline
/// profile (<paramref name="Customer"/>) or anonymously (neither), with up to ten codes. With
/// <paramref name="Explain"/>, <c>notApplied</c> explains every promotion that did not apply; without it, the codes
/// sent and the automatic promotions that say how to qualify (docs/offers-and-validation.md).
/// </summary>
public sealed record ValidateRequest(
    CartInput Cart,
    string Channel,
    string? CustomerId = null,
    ProfileInput? Customer = null,
    IReadOnlyList<string>? Codes = null,
    bool? Explain = null);
