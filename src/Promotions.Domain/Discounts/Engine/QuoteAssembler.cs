using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Builds the public <see cref="Quote"/> from the chosen stack and the reasons collected on the way.</summary>
internal static class QuoteAssembler
{
    public static Quote Build(CartView view, IReadOnlyList<RankedCandidate> ranked, DealSelection selection)
    {
        var lineDiscounts = new decimal[view.Count];
        var applied = new List<AppliedPromotion>();
        var entries = new Dictionary<EffectPlan, StackEntry>();
        decimal lineDiscount = 0m, shippingDiscount = 0m;
        foreach (var entry in selection.Result.Entries)
        {
            entries[entry.Plan] = entry;
            if (!entry.Applied)
            {
                continue;
            }

            applied.Add(ToApplied(entry, view, lineDiscounts));
            lineDiscount += entry.Amount;
            shippingDiscount += entry.Shipping;
        }

        var notApplied = new List<NotApplied>();
        foreach (var candidate in ranked)
        {
            var miss = candidate.Plan is { } plan ? MissOf(plan, entries, selection) : candidate.Rejection;
            if (miss is not null)
            {
                notApplied.Add(new NotApplied(candidate.Candidate.PromotionId, candidate.Candidate.Code, miss.Reason, miss.Message, miss.Hint));
            }
        }

        var lines = new LineQuote[view.Count];
        for (var i = 0; i < view.Count; i++)
        {
            lines[view.CartPosition[i]] = new LineQuote(view.Lines[i].LineId, view.Original[i], lineDiscounts[i], view.Original[i] - lineDiscounts[i]);
        }

        var totalDiscount = lineDiscount + shippingDiscount;
        return new Quote(
            view.Currency,
            view.Subtotal,
            view.Shipping,
            lineDiscount,
            shippingDiscount,
            totalDiscount,
            view.Subtotal + view.Shipping - totalDiscount,
            applied,
            notApplied,
            lines);
    }

    private static AppliedPromotion ToApplied(StackEntry entry, CartView view, decimal[] lineDiscounts)
    {
        var allocations = new List<LineAllocation>();
        if (entry.Allocations is { } shares)
        {
            for (var i = 0; i < shares.Length; i++)
            {
                if (shares[i] > 0m)
                {
                    allocations.Add(new LineAllocation(view.Lines[i].LineId, shares[i]));
                    lineDiscounts[i] += shares[i];
                }
            }
        }

        var candidate = entry.Plan.Candidate;
        return new AppliedPromotion(candidate.PromotionId, candidate.Code, entry.Amount, entry.Shipping, allocations, entry.Gift is { } gift ? [gift] : [])
        {
            GuardrailReduction = entry.GuardrailReduction,
        };
    }

    private static Miss? MissOf(EffectPlan plan, Dictionary<EffectPlan, StackEntry> entries, DealSelection selection)
    {
        if (entries.TryGetValue(plan, out var entry))
        {
            return entry.Applied ? null : entry.Miss;
        }

        // A candidate that gives nothing even on its own says how to qualify rather than how it lost.
        if (selection.StandaloneMisses.TryGetValue(plan, out var own))
        {
            return own;
        }

        var standing = selection.Standings[plan];
        var by = standing.By?.Candidate.PromotionId;
        return standing.Kind switch
        {
            StandingKind.ExcludedByExclusive => new Miss(NotAppliedReasons.ExcludedByExclusive, $"Promotion {by} is exclusive and applies before this one."),
            StandingKind.LostInGroup => new Miss(
                NotAppliedReasons.LostToBetterInGroup,
                $"Promotion {by} in stacking group '{plan.Group}' gives a bigger discount."),
            _ => new Miss(NotAppliedReasons.LostToBetterDeal, "Another combination of promotions gives a bigger discount."),
        };
    }
}
