namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// The best-deal search (see docs/discounts.md): one walk over the plans in rank order, O(C) effect
/// evaluations for C plans, deterministic because everything follows rank, never input order.
/// 1. Groups: at the group's highest-ranked non-exclusive member, every member is tried on the state the
///    walk has reached there (same footing for all); the largest benefit wins, ties to the higher rank.
///    The winner applies at its own rank, the others not at all.
/// 2. Exclusives: each is tried at its rank on what the stack before it leaves (its option is "that prefix,
///    then it, then nothing"); the plain non-exclusive stack is the other option.
/// 3. The option with the largest total benefit wins; ties go to the higher-ranked exclusive, then to the
///    plain stack. An exclusive that gives nothing is never an option.
/// </summary>
internal static class DealSelector
{
    public static DealSelection Select(IReadOnlyList<EffectPlan> ranked, CartView view, QuotePolicy policy)
    {
        var standalone = new Dictionary<EffectPlan, decimal>();
        var misses = new Dictionary<EffectPlan, Miss>();
        var members = new Dictionary<string, List<EffectPlan>>(StringComparer.Ordinal);
        foreach (var plan in ranked)
        {
            var alone = plan.StaticMiss is null ? StackEvaluator.Run([plan], view, policy, details: false).Entries[0] : null;
            standalone[plan] = alone?.Benefit ?? 0m;
            if ((alone is null ? plan.StaticMiss : alone.Miss) is { } miss)
            {
                misses[plan] = miss;
            }

            if (!plan.Exclusive && plan.Group is { } group)
            {
                if (!members.TryGetValue(group, out var list))
                {
                    members[group] = list = [];
                }

                list.Add(plan);
            }
        }

        var walk = new StackWalk(view, policy);
        var winners = new Dictionary<string, EffectPlan>(StringComparer.Ordinal);
        var options = new List<(EffectPlan Exclusive, decimal Benefit)>();
        foreach (var plan in ranked)
        {
            if (plan.Exclusive)
            {
                if (!misses.ContainsKey(plan) && TryExclusive(plan, walk, view, policy) is { } benefit)
                {
                    options.Add((plan, benefit));
                }

                continue;
            }

            if (plan.Group is { } group)
            {
                if (!winners.TryGetValue(group, out var winner))
                {
                    winners[group] = winner = BestMember(members[group], standalone, walk);
                }

                if (winner != plan)
                {
                    continue;
                }
            }

            walk.Apply(plan);
        }

        var baseStack = walk.Stack;
        var (bestBenefit, chosen) = (walk.Benefit, (EffectPlan?)null);
        foreach (var (exclusive, benefit) in options)
        {
            if (benefit > bestBenefit || (chosen is null && benefit == bestBenefit))
            {
                (bestBenefit, chosen) = (benefit, exclusive);
            }
        }

        var stack = chosen is null ? baseStack : ExclusiveStack(baseStack, chosen);
        var detailed = chosen is null ? new StackResult(walk.Entries, walk.Benefit) : StackEvaluator.Run(stack, view, policy, details: true);
        return new DealSelection(detailed, Standings(ranked, stack, chosen, winners), misses);
    }

    /// <summary>The total benefit of "what the walk holds, then <paramref name="exclusive"/>", or null when it adds nothing.</summary>
    private static decimal? TryExclusive(EffectPlan exclusive, StackWalk walk, CartView view, QuotePolicy policy)
    {
        if (exclusive.Group is { } group && walk.Stack.Exists(p => p.Group == group))
        {
            // Rare: a member of its own group is already in the prefix, so the prefix is rebuilt without it.
            var result = StackEvaluator.Run(ExclusiveStack(walk.Stack, exclusive), view, policy, details: false);
            return result.Entries[^1].Applied ? result.Benefit : null;
        }

        var entry = walk.Try(exclusive);
        return entry.Applied ? walk.Benefit + entry.Benefit : null;
    }

    private static EffectPlan BestMember(List<EffectPlan> group, Dictionary<EffectPlan, decimal> standalone, StackWalk walk)
    {
        var best = group[0];
        var bestBenefit = -1m;
        foreach (var member in group)
        {
            // A member that gives nothing on its own gives nothing after other promotions either.
            var benefit = standalone[member] > 0m ? walk.Try(member).Benefit : 0m;
            if (benefit > bestBenefit)
            {
                (best, bestBenefit) = (member, benefit);
            }
        }

        return best;
    }

    /// <summary>The plans of <paramref name="stack"/> ranked before the exclusive, without its group, then the exclusive.</summary>
    private static List<EffectPlan> ExclusiveStack(List<EffectPlan> stack, EffectPlan exclusive)
    {
        var result = stack.FindAll(p => p.Rank < exclusive.Rank && (exclusive.Group is null || p.Group != exclusive.Group));
        result.Add(exclusive);
        return result;
    }

    private static Dictionary<EffectPlan, Standing> Standings(
        IReadOnlyList<EffectPlan> ranked, List<EffectPlan> chosen, EffectPlan? exclusive, Dictionary<string, EffectPlan> winners)
    {
        var inStack = new HashSet<EffectPlan>(chosen);
        var standings = new Dictionary<EffectPlan, Standing>();
        foreach (var plan in ranked)
        {
            standings[plan] = inStack.Contains(plan) ? new Standing(StandingKind.Chosen)
                : exclusive is not null && plan.Rank > exclusive.Rank ? new Standing(StandingKind.ExcludedByExclusive, exclusive)
                : plan.Exclusive ? new Standing(StandingKind.LostToBetterDeal)
                : exclusive is not null && plan.Group is not null && plan.Group == exclusive.Group ? new Standing(StandingKind.LostInGroup, exclusive)
                : new Standing(StandingKind.LostInGroup, winners[plan.Group!]);
        }

        return standings;
    }
}
