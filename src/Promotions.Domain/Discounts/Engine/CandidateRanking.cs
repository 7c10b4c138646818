namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Puts candidates in rank order (priority descending, then promotion id, then code, both ordinal) and
/// rejects up front those in another currency and those whose code is beyond the policy's limit.
/// </summary>
internal static class CandidateRanking
{
    public static List<RankedCandidate> Rank(IReadOnlyList<QuoteCandidate> candidates, CartView view, QuotePolicy policy)
    {
        var sorted = candidates.ToArray();
        Array.Sort(sorted, Compare);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var ranked = new List<RankedCandidate>(sorted.Length);
        var rank = 0;
        foreach (var candidate in sorted)
        {
            var rejection = CurrencyRejection(candidate, view) ?? CodeRejection(candidate, codes, policy);
            ranked.Add(rejection is null
                ? new RankedCandidate(candidate, EffectPlanner.Plan(candidate, rank++, view, policy), null)
                : new RankedCandidate(candidate, null, rejection));
        }

        return ranked;
    }

    private static int Compare(QuoteCandidate a, QuoteCandidate b)
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.PromotionId, b.PromotionId);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
    }

    private static Miss? CurrencyRejection(QuoteCandidate candidate, CartView view) =>
        candidate.Effect.Currency is { } currency && !string.Equals(currency, view.Currency, StringComparison.Ordinal)
            ? new Miss(NotAppliedReasons.CurrencyMismatch, $"This promotion applies to carts in {currency}; the cart is in {view.Currency}.")
            : null;

    private static Miss? CodeRejection(QuoteCandidate candidate, HashSet<string> codes, QuotePolicy policy)
    {
        if (candidate.Code is not { } code || codes.Contains(code))
        {
            return null;
        }

        if (codes.Count >= policy.MaxCodesPerCart)
        {
            return new Miss(
                NotAppliedReasons.CodeLimitReached,
                $"At most {policy.MaxCodesPerCart} codes can be used on one cart.",
                "Remove another code to use this one.");
        }

        codes.Add(code);
        return null;
    }
}
