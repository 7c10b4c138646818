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
/// What a plan gives alone on the fresh cart is computed only where the search or the report needs it.
/// </summary>
internal sealed class DealSelector(StackEvaluator evaluator, IReadOnlyList<EffectPlan> ranked, int count, DealBuffers buffers)
{
    private readonly QuoteWorkspace _workspace = evaluator.Workspace;

    /// <summary>The chosen stack, evaluated with allocations, in application order.</summary>
    public List<StackEntry> Chosen { get; private set; } = buffers.Walk;

    /// <summary>The exclusive whose option won, or null when the plain stack did.</summary>
    public EffectPlan? Exclusive { get; private set; }

    public void Select()
    {
        _workspace.Fresh.Reset(evaluator.View, evaluator.Budget);
        GatherGroups();

        var walk = _workspace.Walk;
        walk.Reset(evaluator.View, evaluator.Budget);
        var walkEntries = buffers.Walk;
        var walkBenefit = 0L;
        var options = buffers.Options;
        for (var k = 0; k < count; k++)
        {
            var plan = ranked[k];
            if (plan.Exclusive)
            {
                if (Alone(plan).Miss is null && TryExclusive(plan, walkEntries, walkBenefit) is { } benefit)
                {
                    options.Add((plan, benefit));
                }

                continue;
            }

            if (plan.GroupId >= 0)
            {
                var group = buffers.Groups[plan.GroupId];
                group.Winner ??= BestMember(group);
                if (group.Winner != plan)
                {
                    continue;
                }

                group.InWalk = true;
            }

            var entry = evaluator.Apply(plan, walk, Application.Detail);
            walkBenefit += entry.Benefit;
            walkEntries.Add(entry);
        }

        var (bestBenefit, chosen) = (walkBenefit, (EffectPlan?)null);
        foreach (var (exclusive, benefit) in options)
        {
            if (benefit > bestBenefit || (chosen is null && benefit == bestBenefit))
            {
                (bestBenefit, chosen) = (benefit, exclusive);
            }
        }

        Exclusive = chosen;
        if (chosen is not null)
        {
            var state = _workspace.Scratch;
            state.Reset(evaluator.View, evaluator.Budget);
            Chosen = buffers.Final;
            RunExclusiveStack(walkEntries, chosen, state, Chosen, details: true);
        }

        for (var k = 0; k < Chosen.Count; k++)
        {
            Chosen[k].Plan.EntryIndex = k;
        }

        SetStandings();
    }

    /// <summary>Whether <paramref name="plan"/> gives anything alone on the fresh cart, and why not if so.</summary>
    public (bool Gives, Miss? Miss) Alone(EffectPlan plan)
    {
        if (!plan.AloneKnown)
        {
            if (plan.StaticMiss is { } miss)
            {
                plan.AloneMiss = miss;
            }
            else
            {
                var alone = evaluator.Apply(plan, _workspace.Fresh, Application.Probe);
                plan.AloneGives = alone.Benefit > 0;
                plan.AloneMiss = alone.Miss;
            }

            plan.AloneKnown = true;
        }

        return (plan.AloneGives, plan.AloneMiss);
    }

    /// <summary>The stacking group of a non-exclusive member.</summary>
    public StackGroup GroupOf(EffectPlan plan) => buffers.Groups[plan.GroupId];

    private void GatherGroups()
    {
        var ids = buffers.GroupIds;
        for (var k = 0; k < count; k++)
        {
            var plan = ranked[k];
            if (plan.Exclusive || plan.Group is not { } name)
            {
                continue;
            }

            if (!ids.TryGetValue(name, out var id))
            {
                ids[name] = id = buffers.AddGroup(name);
            }

            plan.GroupId = id;
            buffers.Groups[id].Add(plan);
        }
    }

    /// <summary>The total benefit of "what the walk holds, then <paramref name="exclusive"/>", or null when it adds nothing.</summary>
    private long? TryExclusive(EffectPlan exclusive, List<StackEntry> walkEntries, long walkBenefit)
    {
        if (exclusive.Group is { } name && buffers.GroupIds.TryGetValue(name, out var id) && buffers.Groups[id].InWalk)
        {
            // Rare: a member of its own group is already in the prefix, so the prefix is rebuilt without it.
            var state = _workspace.Scratch;
            state.Reset(evaluator.View, evaluator.Budget);
            var entries = buffers.Final;
            var benefit = RunExclusiveStack(walkEntries, exclusive, state, entries, details: false);
            var applied = entries[^1].Applied;
            entries.Clear();
            return applied ? benefit : null;
        }

        var entry = evaluator.Apply(exclusive, _workspace.Walk, Application.Probe);
        return entry.Applied ? walkBenefit + entry.Benefit : null;
    }

    private EffectPlan BestMember(StackGroup group)
    {
        var best = group.First!;
        var bestBenefit = -1L;
        for (var member = group.First; member is not null; member = member.NextMember)
        {
            // A member that gives nothing on its own gives nothing after other promotions either.
            var benefit = Alone(member).Gives ? evaluator.Apply(member, _workspace.Walk, Application.Probe).Benefit : 0;
            if (benefit > bestBenefit)
            {
                (best, bestBenefit) = (member, benefit);
            }
        }

        return best;
    }

    /// <summary>
    /// Applies the plans of the walk ranked before <paramref name="exclusive"/>, without its group, then the
    /// exclusive, to <paramref name="state"/>; the entries go to <paramref name="into"/>. Returns the total benefit.
    /// </summary>
    private long RunExclusiveStack(List<StackEntry> walk, EffectPlan exclusive, PricingState state, List<StackEntry> into, bool details)
    {
        var benefit = 0L;
        foreach (var done in walk)
        {
            var plan = done.Plan;
            if (plan.Rank < exclusive.Rank && (exclusive.Group is null || plan.Group != exclusive.Group))
            {
                var entry = evaluator.Apply(plan, state, details ? Application.Detail : Application.Commit);
                benefit += entry.Benefit;
                into.Add(entry);
            }
        }

        var last = evaluator.Apply(exclusive, state, details ? Application.Detail : Application.Commit);
        into.Add(last);
        return benefit + last.Benefit;
    }

    private void SetStandings()
    {
        var exclusive = Exclusive;
        for (var k = 0; k < count; k++)
        {
            var plan = ranked[k];
            plan.Standing = plan.EntryIndex >= 0 ? new Standing(StandingKind.Chosen)
                : exclusive is not null && plan.Rank > exclusive.Rank ? new Standing(StandingKind.ExcludedByExclusive, exclusive)
                : plan.Exclusive ? new Standing(StandingKind.LostToBetterDeal)
                : exclusive is not null && plan.Group is not null && plan.Group == exclusive.Group ? new Standing(StandingKind.LostInGroup, exclusive)
                : new Standing(StandingKind.LostInGroup, buffers.Groups[plan.GroupId].Winner);
        }
    }
}
