using Promotions.Domain.Discounts;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Offers;

/// <summary>
/// The Validation logic: resolves the codes, decides the eligibility of code and automatic promotions, hands
/// the eligible ones to <see cref="DiscountEngine"/> and merges its reasons with these. Reads only: nothing
/// is reserved, counted or written.
/// </summary>
public sealed class CartQuoter(CodeResolver codes)
{
    public async Task<CartQuote> QuoteAsync(QuoteRequest request, CatalogSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        var eligibility = new EligibilityRequest(request.Customer, request.Cart, request.Channel, now);
        var rejections = new List<Rejection>();
        var candidates = new List<QuoteCandidate>();
        var seenCodes = new HashSet<string>(StringComparer.Ordinal);
        var seenPromotions = new HashSet<string>(StringComparer.Ordinal);

        foreach (var input in request.Codes)
        {
            // Codes are reported in their normalized form (the form they are stored and redeemed in), or as
            // sent when they cannot be a code at all.
            var normalized = CodeResolver.Normalize(input);
            var code = normalized ?? input;
            if (normalized is not null && !seenCodes.Add(normalized))
            {
                rejections.Add(Rejection.Of(OfferReasons.DuplicateCode, code: code));
                continue;
            }

            var resolution = await codes.ResolveAsync(input, request.Customer, snapshot, now, ct);
            if (!resolution.IsUsable)
            {
                // A code that belongs to someone else does not reveal its promotion.
                var owner = resolution.Reason == OfferReasons.CodeAssignedToAnotherCustomer ? null : resolution.Code?.PromotionId;
                rejections.Add(Rejection.Of(resolution.Reason!, owner, code));
                continue;
            }

            var promotion = resolution.Promotion!;
            if (!seenPromotions.Add(promotion.Id))
            {
                rejections.Add(Rejection.Of(OfferReasons.DuplicateCode, promotion.Id, code));
                continue;
            }

            var decision = EligibilityEvaluator.Evaluate(promotion, eligibility);
            if (decision.IsEligible)
            {
                candidates.Add(Candidate(promotion, code));
            }
            else
            {
                rejections.Add(decision.ToRejection(promotion.Id, code));
            }
        }

        foreach (var promotion in snapshot.Promotions)
        {
            if (promotion.Promotion.Kind != PromotionKind.Automatic || seenPromotions.Contains(promotion.Id))
            {
                continue;
            }

            var decision = EligibilityEvaluator.Evaluate(promotion, eligibility);
            if (decision.IsEligible)
            {
                candidates.Add(Candidate(promotion, null));
            }
            else if (decision.Reason == OfferReasons.NotEligible)
            {
                // Automatic promotions of other channels or outside their window are not news to this cart;
                // the ones it misses by its conditions are, with how to qualify.
                rejections.Add(decision.ToRejection(promotion.Id));
            }
        }

        var quote = DiscountEngine.Quote(request.Cart, candidates, request.Policy);
        rejections.AddRange(quote.NotApplied.Select(static n => new Rejection(n.PromotionId, n.Code, n.Reason, n.Message, n.Hint)));
        return new CartQuote(quote, rejections);
    }

    private static QuoteCandidate Candidate(LivePromotion promotion, string? code) =>
        new(promotion.Id, promotion.Compiled.Effect, promotion.Promotion.Priority, promotion.Promotion.Stacking, code);
}
