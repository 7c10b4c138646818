using System.Runtime.InteropServices;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Builds the public <see cref="Quote"/> from the chosen stack and the reasons collected on the way.</summary>
internal static class QuoteAssembler
{
    public static Quote Build(CartView view, ReadOnlySpan<RankedCandidate> ranked, DealSelector selection, MissReport misses)
    {
        // A line's discount is the sum of its shares; summed in minor units, it is written as decimal addition
        // would write it: with as many decimals as the most precise share.
        var lineDiscounts = new long[view.Count];
        var lineScales = new int[view.Count];
        var chosen = CollectionsMarshal.AsSpan(selection.Chosen);
        var appliedCount = 0;
        foreach (ref readonly var entry in chosen)
        {
            appliedCount += entry.Applied ? 1 : 0;
        }

        var applied = new List<AppliedPromotion>(appliedCount);
        decimal lineDiscount = 0m, shippingDiscount = 0m;
        foreach (ref readonly var entry in chosen)
        {
            if (!entry.Applied)
            {
                continue;
            }

            var amount = MinorUnits.ToDecimal(entry.Amount, view.Digits);
            var shipping = MinorUnits.ToDecimal(entry.Shipping, view.Digits);
            applied.Add(ToApplied(entry, amount, shipping, view, lineDiscounts, lineScales));
            lineDiscount += amount;
            shippingDiscount += shipping;
        }

        var notApplied = new List<NotApplied>(misses == MissReport.All ? ranked.Length - appliedCount : 0);
        var shared = default(SharedMisses);
        foreach (var candidate in ranked)
        {
            var miss = candidate.Plan is { } plan ? MissOf(plan, chosen, selection, ref shared) : candidate.Rejection;
            if (miss is not null && (misses == MissReport.All || candidate.Candidate.Code is not null || miss.Hint is not null))
            {
                notApplied.Add(new NotApplied(candidate.Candidate.PromotionId, candidate.Candidate.Code, miss.Reason, miss.Message, miss.Hint));
            }
        }

        var lines = new LineQuote[view.Count];
        for (var i = 0; i < view.Count; i++)
        {
            var discount = lineDiscounts[i] == 0 ? 0m : MinorUnits.ToDecimal(lineDiscounts[i], view.Digits, lineScales[i]);
            lines[view.CartPosition[i]] = new LineQuote(view.Lines[i].LineId, view.Original[i], discount, view.Original[i] - discount);
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

    private static AppliedPromotion ToApplied(
        in StackEntry entry, decimal amount, decimal shipping, CartView view, long[] lineDiscounts, int[] lineScales)
    {
        IReadOnlyList<LineAllocation> allocations = [];
        if (entry.HasShares)
        {
            var shares = entry.Plan.Shares;
            var target = entry.Plan.Target!;
            var count = 0;
            for (var j = 0; j < target.EligibleCount; j++)
            {
                count += shares[target.Lines[j]] > 0 ? 1 : 0;
            }

            var list = new LineAllocation[count];
            count = 0;
            for (var j = 0; j < target.EligibleCount; j++)
            {
                var i = target.Lines[j];
                if (shares[i] > 0)
                {
                    var share = MinorUnits.ToDecimal(shares[i], view.Digits);
                    list[count++] = new LineAllocation(view.Lines[i].LineId, share);
                    lineDiscounts[i] += shares[i];
                    lineScales[i] = Math.Max(lineScales[i], share.Scale);
                }
            }

            allocations = list;
        }

        var candidate = entry.Plan.Candidate;
        return new AppliedPromotion(candidate.PromotionId, candidate.Code, amount, shipping, allocations, entry.Gift is { } gift ? [gift] : [])
        {
            GuardrailReduction = entry.GuardrailReduction,
        };
    }

    private static Miss? MissOf(EffectPlan plan, ReadOnlySpan<StackEntry> chosen, DealSelector selection, ref SharedMisses shared)
    {
        if (plan.EntryIndex >= 0)
        {
            ref readonly var entry = ref chosen[plan.EntryIndex];
            return entry.Applied ? null : entry.Miss;
        }

        // A candidate that gives nothing even on its own says how to qualify rather than how it lost.
        if (selection.Alone(plan).Miss is { } own)
        {
            return own;
        }

        var standing = plan.Standing;
        var by = standing.By?.Candidate.PromotionId;
        return standing.Kind switch
        {
            // The exclusive is one, and the members that lose within a group lose to the same plan: each
            // such reason is built once and shared.
            StandingKind.ExcludedByExclusive => shared.Excluded ??= new Miss(
                NotAppliedReasons.ExcludedByExclusive, $"Promotion {by} is exclusive and applies before this one."),
            StandingKind.LostInGroup when standing.By == selection.Exclusive => shared.LostToExclusive ??= LostInGroup(plan, by),
            StandingKind.LostInGroup => selection.GroupOf(plan).LostMiss ??= LostInGroup(plan, by),
            _ => Miss.LostToBetterDeal,
        };
    }

    private static Miss LostInGroup(EffectPlan plan, string? by) =>
        new(NotAppliedReasons.LostToBetterInGroup, $"Promotion {by} in stacking group '{plan.Group}' gives a bigger discount.");

    private struct SharedMisses
    {
        public Miss? Excluded;
        public Miss? LostToExclusive;
    }
}
