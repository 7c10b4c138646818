namespace Promotions.Domain.Offers;

/// <summary>
/// One promotion as an offer: the decision about it and, when a cart was given and it is eligible, what it
/// would take off that cart on its own.
/// </summary>
public sealed record OfferDecision(LivePromotion Promotion, EligibilityDecision Decision, decimal? EstimatedDiscount);
