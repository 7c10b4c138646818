namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Applies promotions in order, each to what the ones before it left: rounds each discount down to the minor
/// unit, trims it to the maximum combined discount, allocates it to lines.
/// </summary>
internal sealed class StackEvaluator(CartView view, QuotePolicy policy, QuoteWorkspace workspace)
{
    private Miss? _capped;

    public CartView View => view;

    public QuoteWorkspace Workspace => workspace;

    /// <summary>The combined-discount budget of the fresh cart, null without a cap.</summary>
    public decimal? Budget { get; } = PricingState.StartingBudget(view, policy);

    /// <summary>
    /// Applies <paramref name="plan"/> to <paramref name="state"/>. With <paramref name="commit"/> the state
    /// is updated (and with <paramref name="details"/> the allocations are kept in the plan's shares);
    /// without, the state is left as it was: the plan is only tried.
    /// </summary>
    public StackEntry Apply(EffectPlan plan, PricingState state, bool commit, bool details)
    {
        var outcome = EffectEvaluator.Evaluate(plan, view, state, workspace);
        if (outcome.Miss is { } miss)
        {
            return new StackEntry { Plan = plan, Miss = miss };
        }

        var amount = 0L;
        var reduction = 0m;
        var keep = commit && details;
        if (outcome.HasLines)
        {
            amount = outcome.Scaled ? plan.Arithmetic.FloorToMinor(outcome.ExactScaled) : ToMinor(Common.Money.Floor(outcome.Exact, view.Currency));
            if (state.BudgetLeft is { } budget && amount > state.BudgetLeftMinor)
            {
                reduction = MinorUnits.ToDecimal(amount, view.Digits) - budget;
                amount = state.BudgetLeftMinor;
            }

            var shares = keep ? plan.Shares : workspace.ScratchShares;
            amount = Allocate(plan, outcome, amount, shares);
            if (commit)
            {
                state.BudgetLeft -= MinorUnits.ToDecimal(amount, view.Digits);
                state.BudgetLeftMinor -= amount;
                var lines = plan.Target!;
                for (var j = 0; j < lines.EligibleCount; j++)
                {
                    var i = lines.Lines[j];
                    state.Remaining[i] -= shares[i];
                }
            }
        }

        if (commit)
        {
            state.ShippingLeft -= outcome.Shipping;
        }

        var entry = new StackEntry
        {
            Plan = plan,
            Amount = amount,
            Shipping = outcome.Shipping,
            Gift = outcome.Gift,
            GiftValue = outcome.GiftMinor,
            GuardrailReduction = reduction,
            HasShares = keep && amount > 0,
        };
        if (entry.Applied)
        {
            return entry;
        }

        return new StackEntry
        {
            Plan = plan,
            GuardrailReduction = reduction,
            Miss = reduction > 0m ? Capped() : Miss.BelowSmallestCoin,
        };
    }

    private long Allocate(EffectPlan plan, in EffectOutcome outcome, long amount, long[] shares)
    {
        var lines = plan.Target!;
        if (outcome.Scaled)
        {
            var scaled = workspace.ScaledWeights;
            if (ExactAllocator.TryAllocate(amount, lines, scaled, plan.Arithmetic.Scale, shares, workspace.ExactRemainders, out var allocated))
            {
                return allocated;
            }

            // Too close to call in integers: the same weights as decimals, through the decimal definition.
            for (var j = 0; j < lines.EligibleCount; j++)
            {
                var i = lines.Lines[j];
                workspace.Weights[i] = MinorUnits.FromScaled(scaled[i], plan.Arithmetic.Scale);
            }
        }

        return Allocator.Allocate(amount, lines, workspace.Weights, view.Digits, shares, workspace.Remainders);
    }

    private long ToMinor(decimal amount) => Common.Money.ToMinor(amount, view.Currency);

    private Miss Capped() => _capped ??= new Miss(
        NotAppliedReasons.CappedByGuardrail,
        $"The maximum combined discount of {policy.MaxCombinedDiscountPercent}% of the subtotal is already reached.");
}
