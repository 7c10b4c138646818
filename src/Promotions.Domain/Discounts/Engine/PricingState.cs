using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>What is left while promotions apply one after another: line amounts, shipping and the combined-discount budget.</summary>
internal sealed class PricingState
{
    private PricingState(decimal[] remaining, decimal shippingLeft, decimal? budgetLeft)
    {
        Remaining = remaining;
        ShippingLeft = shippingLeft;
        BudgetLeft = budgetLeft;
    }

    public decimal[] Remaining { get; }

    public decimal ShippingLeft { get; set; }

    /// <summary>Line discount still allowed by the maximum combined discount; null when there is no cap.</summary>
    public decimal? BudgetLeft { get; set; }

    public static PricingState Fresh(CartView view, QuotePolicy policy)
    {
        var remaining = new decimal[view.Count];
        for (var i = 0; i < remaining.Length; i++)
        {
            remaining[i] = Math.Max(0m, view.Original[i]);
        }

        decimal? budget = policy.MaxCombinedDiscountPercent is { } percent
            ? Money.Floor(Math.Max(0m, view.Subtotal) * percent / 100m, view.Currency)
            : null;
        return new PricingState(remaining, view.Shipping, budget);
    }

    /// <summary>A copy to try a promotion on without changing this state.</summary>
    public PricingState Clone() => new((decimal[])Remaining.Clone(), ShippingLeft, BudgetLeft);

    /// <summary>How much more line <paramref name="i"/> may be discounted (down to its price floor).</summary>
    public decimal Room(CartView view, int i) => Math.Max(0m, Remaining[i] - view.MinFinal[i]);
}
