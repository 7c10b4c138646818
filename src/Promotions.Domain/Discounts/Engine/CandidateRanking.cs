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

        SortByRank(candidates, sorted.AsSpan(0, candidates.Count), workspace.RankKeys(candidates.Count), workspace.RankKeyBuffer(candidates.Count));
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
                EffectPlanner.Plan(plan, view, policy, workspace.Selections);
            }

            workspace.Ranked[i] = new RankedCandidate(candidate, plan, rejection);
        }

        return (candidates.Count, rank);
    }

    /// <summary>
    /// Sorts by rank with a merge sort over keys that hold the priority and the first eight characters of the
    /// id, so most comparisons touch no string. Rank is a total order unless two candidates share priority, id
    /// and code; the framework's sort, which ordered such twins before, orders them in that case, from the
    /// input order as before.
    /// </summary>
    private static void SortByRank(IReadOnlyList<QuoteCandidate> input, Span<QuoteCandidate> sorted, Span<RankKey> keys, Span<RankKey> buffer)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = RankKey.Of(input[i], i);
        }

        if (!InOrder(keys, input))
        {
            MergeSort(keys, buffer, input);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            sorted[i] = input[keys[i].Index];
            if (i > 0 && Compare(sorted[i - 1], sorted[i]) == 0)
            {
                for (var k = 0; k < sorted.Length; k++)
                {
                    sorted[k] = input[k];
                }

                sorted.Sort(ByRank);
                return;
            }
        }
    }

    /// <summary>True when the keys are already in rank order (a catalog that lists its promotions by rank).</summary>
    private static bool InOrder(ReadOnlySpan<RankKey> keys, IReadOnlyList<QuoteCandidate> input)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (RankKey.Compare(keys[i - 1], keys[i], input) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void MergeSort(Span<RankKey> items, Span<RankKey> buffer, IReadOnlyList<QuoteCandidate> input)
    {
        if (items.Length <= 16)
        {
            for (var i = 1; i < items.Length; i++)
            {
                var item = items[i];
                var j = i - 1;
                while (j >= 0 && RankKey.Compare(items[j], item, input) > 0)
                {
                    items[j + 1] = items[j];
                    j--;
                }

                items[j + 1] = item;
            }

            return;
        }

        var half = items.Length / 2;
        MergeSort(items[..half], buffer[..half], input);
        MergeSort(items[half..], buffer[half..], input);
        items.CopyTo(buffer);
        int left = 0, right = half, k = 0;
        while (left < half && right < items.Length)
        {
            items[k++] = RankKey.Compare(buffer[right], buffer[left], input) < 0 ? buffer[right++] : buffer[left++];
        }

        buffer[left..half].CopyTo(items[k..]);
        k += half - left;
        buffer[right..items.Length].CopyTo(items[k..]);
    }

    internal static int Compare(QuoteCandidate a, QuoteCandidate b)
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
