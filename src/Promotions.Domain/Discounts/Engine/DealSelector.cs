namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// The best-deal search (see docs/discounts.md). With C plans, G of them in groups and E exclusive, and one
/// stack evaluation costing O(C × lines):
/// 1. Each group is represented by the member with the largest stand-alone benefit; then, group by group
///    (ordinal group name), each other member is tried in its place in the full non-exclusive stack and
///    kept if the stack's total benefit strictly grows. One pass: O(G) stack evaluations.
/// 2. The options are that non-exclusive stack, and for each exclusive plan e the part of that stack ranked
///    before e (without e's group) followed by e, valid only when e itself gives something: O(E) evaluations.
/// 3. The option with the largest total benefit wins; ties go to the higher-ranked exclusive, then to the
///    plain stack. Everything is ordered by rank, never by input order, so the choice is deterministic.
/// Total: O((C + G + E) × C × lines), polynomial.
/// </summary>
internal static class DealSelector
{
    public static DealSelection Select(IReadOnlyList<EffectPlan> ranked, CartView view, QuotePolicy policy)
    {
        var standalone = new Dictionary<EffectPlan, decimal>();
        var misses = new Dictionary<EffectPlan, Miss>();
        foreach (var plan in ranked)
        {
            var alone = StackEvaluator.Run([plan], view, policy, details: false);
            standalone[plan] = alone.Benefit;
            if (alone.Entries[0].Miss is { } miss)
            {
                misses[plan] = miss;
            }
        }

        var representatives = ChooseRepresentatives(ranked, standalone, view, policy);
        var baseStack = BaseStack(ranked, representatives);
        var best = StackEvaluator.Run(baseStack, view, policy, details: false);
        EffectPlan? chosenExclusive = null;
        List<EffectPlan> chosenStack = baseStack;
        foreach (var exclusive in ranked)
        {
            if (!exclusive.Exclusive || misses.ContainsKey(exclusive))
            {
                continue;
            }

            var stack = baseStack.Where(p => p.Rank < exclusive.Rank && (exclusive.Group is null || p.Group != exclusive.Group)).ToList();
            stack.Add(exclusive);
            var result = StackEvaluator.Run(stack, view, policy, details: false);
            var wins = result.Benefit > best.Benefit || (chosenExclusive is null && result.Benefit == best.Benefit);
            if (result.Entries[^1].Applied && wins)
            {
                (best, chosenExclusive, chosenStack) = (result, exclusive, stack);
            }
        }

        var detailed = StackEvaluator.Run(chosenStack, view, policy, details: true);
        return new DealSelection(detailed, Standings(ranked, chosenStack, chosenExclusive, representatives), misses);
    }

    private static Dictionary<string, EffectPlan> ChooseRepresentatives(
        IReadOnlyList<EffectPlan> ranked, Dictionary<EffectPlan, decimal> standalone, CartView view, QuotePolicy policy)
    {
        var members = new SortedDictionary<string, List<EffectPlan>>(StringComparer.Ordinal);
        foreach (var plan in ranked)
        {
            if (!plan.Exclusive && plan.Group is { } group)
            {
                if (!members.TryGetValue(group, out var list))
                {
                    members[group] = list = [];
                }

                list.Add(plan);
            }
        }

        var representatives = new Dictionary<string, EffectPlan>(StringComparer.Ordinal);
        foreach (var (group, list) in members)
        {
            // Strictly greater: on equal benefit the higher-ranked member stays.
            representatives[group] = list.Aggregate((best, next) => standalone[next] > standalone[best] ? next : best);
        }

        foreach (var (group, list) in members)
        {
            if (list.Count < 2)
            {
                continue;
            }

            var best = representatives[group];
            var bestBenefit = StackEvaluator.Run(BaseStack(ranked, representatives), view, policy, details: false).Benefit;
            foreach (var member in list)
            {
                if (member == best || member.StaticMiss is not null)
                {
                    continue;
                }

                representatives[group] = member;
                var benefit = StackEvaluator.Run(BaseStack(ranked, representatives), view, policy, details: false).Benefit;
                if (benefit > bestBenefit)
                {
                    (best, bestBenefit) = (member, benefit);
                }
            }

            representatives[group] = best;
        }

        return representatives;
    }

    /// <summary>The non-exclusive plans in rank order, each group by its representative only.</summary>
    private static List<EffectPlan> BaseStack(IReadOnlyList<EffectPlan> ranked, Dictionary<string, EffectPlan> representatives)
    {
        var stack = new List<EffectPlan>(ranked.Count);
        foreach (var plan in ranked)
        {
            if (!plan.Exclusive && (plan.Group is null || representatives[plan.Group] == plan))
            {
                stack.Add(plan);
            }
        }

        return stack;
    }

    private static Dictionary<EffectPlan, Standing> Standings(
        IReadOnlyList<EffectPlan> ranked, List<EffectPlan> chosen, EffectPlan? exclusive, Dictionary<string, EffectPlan> representatives)
    {
        var inStack = new HashSet<EffectPlan>(chosen);
        var standings = new Dictionary<EffectPlan, Standing>();
        foreach (var plan in ranked)
        {
            standings[plan] = inStack.Contains(plan) ? new Standing(StandingKind.Chosen)
                : exclusive is not null && plan.Rank > exclusive.Rank ? new Standing(StandingKind.ExcludedByExclusive, exclusive)
                : plan.Exclusive ? new Standing(StandingKind.LostToBetterDeal)
                : exclusive is not null && plan.Group is not null && plan.Group == exclusive.Group ? new Standing(StandingKind.LostInGroup, exclusive)
                : new Standing(StandingKind.LostInGroup, representatives[plan.Group!]);
        }

        return standings;
    }
}
