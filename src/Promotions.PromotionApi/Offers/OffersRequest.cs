using Promotions.Domain.Offers.Input;

namespace Promotions.PromotionApi.Offers;

/// <summary>
/// <c>POST /offers</c>: the offers of a stored customer (<paramref name="CustomerId"/>), an inline profile
/// (<paramref name="Customer"/>) or an anonymous visitor on a channel, for a cart if one is given.
/// </summary>
/// <param name="Explain">Also return the promotions that are not eligible, and every rule's evaluation.</param>
/// <param name="Limit">The most eligible offers to return, 1–200 (default 50).</param>
public sealed record OffersRequest(
    string Channel,
    string? CustomerId = null,
    ProfileInput? Customer = null,
    CartInput? Cart = null,
    bool Explain = false,
    int? Limit = null);
