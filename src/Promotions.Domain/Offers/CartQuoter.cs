using Promotions.Domain.Discounts;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Offers;

/// <summary>
/// The Validation logic: resolves the codes, decides the eligibility of code and automatic promotions against
/// the ledger's usage counters, hands the eligible ones to <see cref="DiscountEngine"/>, leaves out any whose
/// discount its campaign's remaining budget cannot cover, and merges the engine's reasons with these. Reads
/// only: nothing is reserved, counted or written.
/// </summary>
public sealed class CartQuoter(CodeResolver codes, UsageCache usage)
{
    public async Task<CartQuote> QuoteAsync(QuoteRequest request, CatalogSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        var counts = await usage.GetAsync(snapshot, request.Customer.Id, ct);
        var eligibility = new EligibilityRequest(request.Customer, request.Cart, request.Channel, now) { Usage = counts };
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
            if (decision.IsEligible && Unredeemable(promotion, request) is { } reason)
            {
                rejections.Add(Rejection.Of(reason, promotion.Id, code));
            }
            else if (decision.IsEligible)
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
            if (decision.IsEligible && Unredeemable(promotion, request) is { } reason)
            {
                if (request.Explain || request.Excluded.ContainsKey(promotion.Id))
                {
                    rejections.Add(Rejection.Of(reason, promotion.Id));
                }
            }
            else if (decision.IsEligible)
            {
                candidates.Add(Candidate(promotion, null));
            }
            else if ((request.Explain || decision.Hint is not null)
                && decision.Reason is OfferReasons.NotEligible or OfferReasons.PromotionExhausted or OfferReasons.BudgetExhausted
                or OfferReasons.CustomerLimitReached or OfferReasons.PeriodLimitReached or OfferReasons.CustomerPeriodLimitReached)
            {
                // Automatic promotions of other channels or outside their window are not news to this cart; the
                // ones it misses by its conditions (with how to qualify) or by their usage are.
                rejections.Add(decision.ToRejection(promotion.Id));
            }
        }

        var policy = request.Policy with { Misses = request.Explain ? MissReport.All : MissReport.Actionable };
        var quote = DiscountEngine.Quote(request.Cart, candidates, policy);
        while (true)
        {
            if (OverBudget(quote, snapshot, counts) is { } over)
            {
                // The ledger charges a redemption whole or refuses it, so a discount the remaining budget cannot
                // cover is left out and the cart quoted again: the next best deal may then take its place.
                candidates.Remove(candidates.First(c => c.PromotionId == over.PromotionId));
                if (request.Explain || over.Code is not null)
                {
                    rejections.Add(Rejection.Of(OfferReasons.BudgetExhausted, over.PromotionId, over.Code));
                }
            }
            else if (LedgerPlanner.PartsThatFit(quote.Applied.Select(a => LedgerPlanner.ExtraItemsOf(PeriodLimitsOf(snapshot, a), a.Code))) < quote.Applied.Count)
            {
                // One order's redemption records at most MaxParts promotions (fewer when they have period limits), so no
                // more are quoted: the stack is the best-ranked promotions the quote applied, codes the customer entered
                // first, quoted again on their own (the rest ranked after them, so their discounts stand); every other
                // candidate keeps the reason this quote gave it, and the applied ones left out say why.
                var ranked = quote.Applied.Where(static a => a.Code is not null).Concat(quote.Applied.Where(static a => a.Code is null)).ToList();
                var kept = ranked
                    .Take(LedgerPlanner.PartsThatFit(ranked.Select(a => LedgerPlanner.ExtraItemsOf(PeriodLimitsOf(snapshot, a), a.Code))))
                    .Select(static a => a.PromotionId)
                    .ToHashSet(StringComparer.Ordinal);
                rejections.AddRange(quote.Applied.Where(a => !kept.Contains(a.PromotionId) && (request.Explain || a.Code is not null))
                    .Select(static a => Rejection.Of(OfferReasons.StackLimitReached, a.PromotionId, a.Code)));
                rejections.AddRange(quote.NotApplied.Where(n => !kept.Contains(n.PromotionId))
                    .Select(static n => new Rejection(n.PromotionId, n.Code, n.Reason, n.Message, n.Hint)));
                candidates.RemoveAll(c => !kept.Contains(c.PromotionId));
            }
            else
            {
                break;
            }

            quote = DiscountEngine.Quote(request.Cart, candidates, policy);
        }

        rejections.AddRange(quote.NotApplied.Select(static n => new Rejection(n.PromotionId, n.Code, n.Reason, n.Message, n.Hint)));
        return new CartQuote(quote, rejections);
    }

    /// <summary>
    /// The first applied promotion (in the order applied) whose campaign's remaining budget cannot cover its
    /// discount on top of the promotions of the same campaign applied before it; null when every one fits.
    /// </summary>
    private static AppliedPromotion? OverBudget(Quote quote, CatalogSnapshot snapshot, UsageCounts counts)
    {
        if (snapshot.BudgetedCampaignIds.Count == 0)
        {
            return null;
        }

        Dictionary<string, decimal>? charged = null;
        foreach (var applied in quote.Applied)
        {
            var live = snapshot.ById[applied.PromotionId];
            if (live.Campaign.Budget is null)
            {
                continue;
            }

            charged ??= new Dictionary<string, decimal>(StringComparer.Ordinal);
            var total = charged.GetValueOrDefault(live.Campaign.Id) + applied.Amount + applied.ShippingDiscount;
            if (!UsageLimits.Covers(live, counts, total))
            {
                return applied;
            }

            charged[live.Campaign.Id] = total;
        }

        return null;
    }

    /// <summary>
    /// Why the ledger would refuse an eligible promotion for this request, so quoting its discount would promise
    /// what the checkout cannot redeem: a refusal a redemption already met (<see cref="QuoteRequest.Excluded"/>),
    /// a budget in another currency than the cart (<c>budget_currency_mismatch</c>), or a per-customer limit with no
    /// customer named (<c>customer_required</c>; a per-customer period limit is one too). Null when nothing stands in the way.
    /// </summary>
    private static string? Unredeemable(LivePromotion promotion, QuoteRequest request)
    {
        if (request.Excluded.TryGetValue(promotion.Id, out var refused))
        {
            return refused;
        }

        if (promotion.Campaign.Budget is { } budget && !string.Equals(budget.Currency, request.Cart.Currency, StringComparison.Ordinal))
        {
            return OfferReasons.BudgetCurrencyMismatch;
        }

        var perCustomer = promotion.Promotion.PerCustomerLimit is not null || promotion.Promotion.PeriodLimits.Any(static l => l.PerCustomer);
        return perCustomer && request.Customer.Id is null ? OfferReasons.CustomerRequired : null;
    }

    private static int PeriodLimitsOf(CatalogSnapshot snapshot, AppliedPromotion applied) =>
        snapshot.ById[applied.PromotionId].Promotion.PeriodLimits.Count;

    private static QuoteCandidate Candidate(LivePromotion promotion, string? code) =>
        new(promotion.Id, promotion.Compiled.Effect, promotion.Promotion.Priority, promotion.Promotion.Stacking, code);
}
