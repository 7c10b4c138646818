namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Puts candidates in rank order (priority descending, then promotion id, then code, both ordinal) and
/// rejects up front those in another currency and those whose code is beyond the policy's limit.
/// </summary>
internal static class CandidateRanking
{
    private static readonly Comparison<QuoteCandidate> ByRank = Compare;

    /// <summary>Fills the workspace's ranked candidates; returns how many there are and how many were planned.</summary>
    public static (int Count, int Planned) Rank(IReadOnlyList<QuoteCandidate> candidates, CartView view, QuotePolicy policy, QuoteWorkspace workspace)
    {
        var sorted = workspace.Sorted;
        for (var i = 0; i < candidates.Count; i++)
        {
            sorted[i] = candidates[i];
        }

        sorted.AsSpan(0, candidates.Count).Sort(ByRank);
        HashSet<string>? codes = null;
        var rank = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = sorted[i];
            var rejection = CurrencyRejection(candidate, view) ?? CodeRejection(candidate, ref codes, policy);
            EffectPlan? plan = null;
            if (rejection is null)
            {
                plan = workspace.Plan(rank);
                plan.Reset(candidate, rank++, view.Count);
                EffectPlanner.Plan(plan, view, policy);
            }

            workspace.Ranked[i] = new RankedCandidate(candidate, plan, rejection);
        }

        return (candidates.Count, rank);
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

    private static Miss? CodeRejection(QuoteCandidate candidate, ref HashSet<string>? codes, QuotePolicy policy)
    {
        if (candidate.Code is not { } code)
        {
            return null;
        }

        codes ??= new HashSet<string>(StringComparer.Ordinal);
        if (codes.Contains(code))
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
