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

    /// <summary>Applies <paramref name="plan"/> to <paramref name="state"/>, as far as <paramref name="how"/> says.</summary>
    public StackEntry Apply(EffectPlan plan, PricingState state, Application how)
    {
        var outcome = EffectEvaluator.Evaluate(plan, view, state, workspace);
        if (outcome.Miss is { } miss)
        {
            return new StackEntry { Plan = plan, Miss = miss };
        }

        var amount = 0L;
        var reduction = 0m;
        var commit = how >= Application.Commit;
        var keep = how == Application.Detail;
        if (outcome.HasLines)
        {
            amount = outcome.Scaled ? plan.Arithmetic.FloorToMinor(outcome.ExactScaled) : MinorUnits.OnGrid(Common.Money.Floor(outcome.Exact, view.Currency), view.Digits);
            if (state.BudgetLeft is { } budget && amount > state.BudgetLeftMinor)
            {
                reduction = MinorUnits.ToDecimal(amount, view.Digits) - budget;
                amount = state.BudgetLeftMinor;
            }

            var shares = keep ? plan.Shares : workspace.ScratchShares;
            if (how != Application.Probe)
            {
                amount = Allocate(plan, outcome, amount, shares);
            }

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
        var scaled = workspace.ScaledWeights;
        var scale = outcome.Scaled ? plan.Arithmetic.Scale : MinorUnits.ToCommonScale(lines, workspace.Weights, scaled);
        if (scale >= 0 && ExactAllocator.TryAllocate(amount, lines, scaled, scale, shares, workspace.ExactRemainders, workspace.Order, out var allocated))
        {
            return allocated;
        }

        if (outcome.Scaled)
        {
            // Too close to call in integers: the same weights as decimals, through the decimal definition.
            for (var j = 0; j < lines.EligibleCount; j++)
            {
                var i = lines.Lines[j];
                workspace.Weights[i] = MinorUnits.FromScaled(scaled[i], scale);
            }
        }

        return Allocator.Allocate(amount, lines, workspace.Weights, view.Digits, shares, workspace.Remainders, workspace.Bounds);
    }

    private Miss Capped() => _capped ??= new Miss(
        NotAppliedReasons.CappedByGuardrail,
        $"The maximum combined discount of {policy.MaxCombinedDiscountPercent}% of the subtotal is already reached.");
}
