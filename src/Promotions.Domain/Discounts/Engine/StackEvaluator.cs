using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Applies a stack of promotions in order, each to what the ones before it left: rounds each discount
/// down to the minor unit, trims it to the maximum combined discount, allocates it to lines.
/// </summary>
internal static class StackEvaluator
{
    public static StackResult Run(IReadOnlyList<EffectPlan> stack, CartView view, QuotePolicy policy, bool details)
    {
        var state = PricingState.Fresh(view, policy);
        var entries = new StackEntry[stack.Count];
        var benefit = 0m;
        for (var k = 0; k < stack.Count; k++)
        {
            var entry = Apply(stack[k], view, policy, state, details);
            entries[k] = entry;
            benefit += entry.Benefit;
        }

        return new StackResult(entries, benefit);
    }

    /// <summary>Applies one promotion to <paramref name="state"/>, which it updates.</summary>
    public static StackEntry Apply(EffectPlan plan, CartView view, QuotePolicy policy, PricingState state, bool details)
    {
        var outcome = EffectEvaluator.Evaluate(plan, view, state);
        if (outcome.Miss is { } miss)
        {
            return new StackEntry { Plan = plan, Miss = miss };
        }

        var shipping = Money.Floor(outcome.Shipping, view.Currency);
        state.ShippingLeft -= shipping;
        var amount = 0m;
        var reduction = 0m;
        decimal[]? shares = null;
        if (outcome.Weights is { } weights)
        {
            amount = Money.Floor(outcome.Exact, view.Currency);
            if (state.BudgetLeft is { } budget && amount > budget)
            {
                reduction = amount - budget;
                amount = budget;
            }

            shares = new decimal[view.Count];
            amount = Allocator.Allocate(amount, weights, view.Currency, shares);
            state.BudgetLeft -= amount;
            for (var i = 0; i < shares.Length; i++)
            {
                state.Remaining[i] -= shares[i];
            }
        }

        var entry = new StackEntry
        {
            Plan = plan,
            Amount = amount,
            Shipping = shipping,
            Gift = outcome.Gift,
            GuardrailReduction = reduction,
            Allocations = details && amount > 0m ? shares : null,
        };
        if (entry.Applied)
        {
            return entry;
        }

        return new StackEntry
        {
            Plan = plan,
            GuardrailReduction = reduction,
            Miss = reduction > 0m
                ? new Miss(NotAppliedReasons.CappedByGuardrail, $"The maximum combined discount of {policy.MaxCombinedDiscountPercent}% of the subtotal is already reached.")
                : new Miss(NotAppliedReasons.NoDiscount, "The discount rounds to less than the smallest coin."),
        };
    }
}
