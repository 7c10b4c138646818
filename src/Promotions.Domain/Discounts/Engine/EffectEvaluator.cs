using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Computes what one effect wants to take off, given what earlier promotions left.</summary>
internal static class EffectEvaluator
{
    public static EffectOutcome Evaluate(EffectPlan plan, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        if (plan.StaticMiss is { } miss)
        {
            return EffectOutcome.Missed(miss);
        }

        return plan.Effect switch
        {
            PercentOffEffect or AmountOffEffect or TieredEffect when plan.Arithmetic.Mode != LineMode.Decimal =>
                ScaledLines(plan, plan.Target!, view, state, workspace),
            PercentOffEffect e => PercentOfLines(plan.Target!, e.Percent, e.MaxDiscount, view, state, workspace),
            AmountOffEffect e => AmountOverLines(plan.Target!, e.Amount, view, state, workspace),
            TieredEffect when plan.Tier is { PercentOff: { } percent } => PercentOfLines(plan.Target!, percent, null, view, state, workspace),
            TieredEffect when plan.Tier is { AmountOff: { } amount } => AmountOverLines(plan.Target!, amount, view, state, workspace),
            FixedPriceEffect e => FixedPriceCalculator.Evaluate(e, plan.Target!, view, state, workspace),
            BuyXGetYEffect e => BuyXGetYCalculator.Evaluate(e, plan.Arithmetic, plan.Buy!, plan.Target!, view, state, workspace),
            FreeShippingEffect => FreeShipping(plan, state),
            FreeGiftEffect => new EffectOutcome { Gift = plan.Gift, GiftMinor = plan.GiftMinor },
            _ => throw new InvalidOperationException($"No evaluation for effect type '{plan.Effect.Type}'."),
        };
    }

    /// <summary>
    /// Turns raw per-line discounts into the outcome: each weight is capped at the line's room (price floor,
    /// what is left) and the exact discount at the weights' sum, so no effect ever takes more than it applies to.
    /// </summary>
    public static EffectOutcome FromWeights(LineSelection lines, decimal exact, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var weights = workspace.Weights;
        var sum = 0m;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            if (weights[i] > 0m)
            {
                weights[i] = Math.Min(weights[i], MinorUnits.ToDecimal(state.Room(view, i), view.Digits));
                sum += weights[i];
            }
        }

        return sum <= 0m ? EffectOutcome.Missed(Miss.NothingLeft) : new EffectOutcome { HasLines = true, Exact = Math.Min(exact, sum) };
    }

    /// <summary>What is left of the selected lines, as decimals, for the effects computed in decimal.</summary>
    public static decimal[] RemainingOf(LineSelection lines, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var remaining = workspace.Remaining;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            remaining[i] = MinorUnits.ToDecimal(state.Remaining[i], view.Digits);
        }

        return remaining;
    }

    /// <summary>Percent or amount off lines in exact integers: the same weights as the decimal formulas below.</summary>
    private static EffectOutcome ScaledLines(EffectPlan plan, LineSelection lines, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var arithmetic = plan.Arithmetic;
        var weights = workspace.ScaledWeights;
        var raw = 0L;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            weights[i] = state.Remaining[i] * arithmetic.Multiplier;
            raw += weights[i];
        }

        var exact = arithmetic.Mode == LineMode.Percent ? Math.Min(raw, arithmetic.Limit) : arithmetic.Limit;
        var sum = 0L;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            if (weights[i] > 0)
            {
                weights[i] = Math.Min(weights[i], state.Room(view, i) * arithmetic.RoomFactor);
                sum += weights[i];
            }
        }

        return sum <= 0 ? EffectOutcome.Missed(Miss.NothingLeft) : new EffectOutcome { HasLines = true, Scaled = true, ExactScaled = Math.Min(exact, sum) };
    }

    private static EffectOutcome PercentOfLines(
        LineSelection target, decimal percent, decimal? cap, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var remaining = RemainingOf(target, view, state, workspace);
        var weights = workspace.Weights;
        var exact = 0m;
        var rate = percent / 100m;
        for (var j = 0; j < target.EligibleCount; j++)
        {
            var i = target.Lines[j];
            weights[i] = remaining[i] * rate;
            exact += weights[i];
        }

        return FromWeights(target, cap is { } max ? Math.Min(exact, max) : exact, view, state, workspace);
    }

    private static EffectOutcome AmountOverLines(LineSelection target, decimal amount, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        // Spread in proportion to what each line has left; FromWeights caps by the floor.
        var remaining = RemainingOf(target, view, state, workspace);
        var weights = workspace.Weights;
        for (var j = 0; j < target.EligibleCount; j++)
        {
            var i = target.Lines[j];
            weights[i] = remaining[i];
        }

        return FromWeights(target, amount, view, state, workspace);
    }

    private static EffectOutcome FreeShipping(EffectPlan plan, PricingState state) =>
        state.ShippingLeft > 0 && plan.ShippingCapMinor >= 0
            ? new EffectOutcome { Shipping = Math.Min(plan.ShippingCapMinor, state.ShippingLeft) }
            : EffectOutcome.Missed(Miss.NoShippingLeft);
}
