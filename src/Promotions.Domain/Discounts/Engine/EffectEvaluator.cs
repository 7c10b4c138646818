using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Computes what one effect wants to take off, given what earlier promotions left.</summary>
internal static class EffectEvaluator
{
    public static EffectOutcome Evaluate(EffectPlan plan, CartView view, PricingState state)
    {
        if (plan.StaticMiss is { } miss)
        {
            return EffectOutcome.Missed(miss);
        }

        return plan.Effect switch
        {
            PercentOffEffect e => PercentOfLines(plan.Target!, e.Percent, e.MaxDiscount, view, state),
            AmountOffEffect e => AmountOverLines(plan.Target!, e.Amount, view, state),
            TieredEffect when plan.Tier is { PercentOff: { } percent } => PercentOfLines(plan.Target!, percent, null, view, state),
            TieredEffect when plan.Tier is { AmountOff: { } amount } => AmountOverLines(plan.Target!, amount, view, state),
            FixedPriceEffect e => FixedPriceCalculator.Evaluate(e, plan.Target!, view, state),
            BuyXGetYEffect e => BuyXGetYCalculator.Evaluate(e, plan.Buy!, plan.Target!, view, state),
            FreeShippingEffect e => FreeShipping(e, state),
            FreeGiftEffect e => new EffectOutcome { Gift = new GiftLine(e.Sku, e.Quantity, Money.Round(e.Value * e.Quantity, view.Currency)) },
            _ => throw new InvalidOperationException($"No evaluation for effect type '{plan.Effect.Type}'."),
        };
    }

    /// <summary>
    /// Turns raw per-line discounts into the outcome: each weight is capped at the line's room (price floor,
    /// what is left) and the exact discount at the weights' sum, so no effect ever takes more than it applies to.
    /// </summary>
    public static EffectOutcome FromWeights(decimal[] weights, decimal exact, CartView view, PricingState state)
    {
        var sum = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0m)
            {
                weights[i] = Math.Min(weights[i], state.Room(view, i));
                sum += weights[i];
            }
        }

        return sum <= 0m
            ? EffectOutcome.Missed(new Miss(NotAppliedReasons.NoDiscount, "Earlier promotions or price floors leave nothing to discount on these items."))
            : new EffectOutcome { Weights = weights, Exact = Math.Min(exact, sum) };
    }

    private static EffectOutcome PercentOfLines(LineSelection target, decimal percent, decimal? cap, CartView view, PricingState state)
    {
        var weights = new decimal[view.Count];
        var exact = 0m;
        var rate = percent / 100m;
        for (var i = 0; i < weights.Length; i++)
        {
            if (target.Eligible[i])
            {
                weights[i] = state.Remaining[i] * rate;
                exact += weights[i];
            }
        }

        return FromWeights(weights, cap is { } max ? Math.Min(exact, max) : exact, view, state);
    }

    private static EffectOutcome AmountOverLines(LineSelection target, decimal amount, CartView view, PricingState state)
    {
        // Spread in proportion to what each line has left; FromWeights caps by the floor.
        var weights = new decimal[view.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            if (target.Eligible[i])
            {
                weights[i] = state.Remaining[i];
            }
        }

        return FromWeights(weights, amount, view, state);
    }

    private static EffectOutcome FreeShipping(FreeShippingEffect effect, PricingState state)
    {
        var amount = effect.MaxDiscount is { } cap ? Math.Min(cap, state.ShippingLeft) : state.ShippingLeft;
        return amount > 0m
            ? new EffectOutcome { Shipping = amount }
            : EffectOutcome.Missed(new Miss(NotAppliedReasons.NoDiscount, "There is no shipping charge left to discount."));
    }
}
