using Promotions.Domain.Offers;
using Promotions.Domain.Promotions;
using Promotions.Domain.Rules;
using Promotions.PromotionApi.Details;

namespace Promotions.PromotionApi.Offers;

/// <summary>
/// The offers: <paramref name="Items"/> are eligible now, best first; <paramref name="NeedsCart"/> depend on a
/// cart the request did not send; <paramref name="NotEligible"/> (only when explaining) did not qualify, with why.
/// </summary>
public sealed record OffersResponse(
    IReadOnlyList<OfferResponse> Items,
    IReadOnlyList<OfferResponse> NeedsCart,
    IReadOnlyList<OfferResponse>? NotEligible);

/// <summary>One promotion as an offer, with the decision about it.</summary>
/// <param name="EstimatedDiscount">What it alone would take off the request's cart.</param>
/// <param name="Explanation">With explain: each rule's evaluation, node by node, with actual and expected values.</param>
public sealed record OfferResponse(
    string Id,
    string Name,
    string? Description,
    PromotionKind Kind,
    EffectResponse Effect,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<string> Channels,
    int Priority,
    decimal? EstimatedDiscount,
    string? Reason,
    string? Message,
    string? Hint,
    IReadOnlyList<FailedCondition>? FailedConditions,
    IReadOnlyList<ConditionExplanation>? Explanation)
{
    internal static OfferResponse From(OfferDecision offer)
    {
        var p = PromotionSummary.From(offer.Promotion);
        var d = offer.Decision;
        return new OfferResponse(
            p.Id, p.Name, p.Description, p.Kind, p.Effect, p.StartsAt, p.EndsAt, p.Channels, p.Priority,
            offer.EstimatedDiscount,
            d.Reason,
            d.Reason is null ? null : OfferReasons.Message(d.Reason),
            d.Hint,
            d.FailedConditions.Count > 0 ? d.FailedConditions : null,
            d.Explanations);
    }
}
