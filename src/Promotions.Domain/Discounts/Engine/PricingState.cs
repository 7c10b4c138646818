using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// What is left while promotions apply one after another: line amounts and shipping in minor units (every
/// amount the engine takes off is a whole number of them), and the combined-discount budget.
/// </summary>
internal sealed class PricingState
{
    private long[] _remaining = [];

    /// <summary>What is left of each line (line-id order), in minor units; only the first <c>view.Count</c> are in use.</summary>
    public long[] Remaining => _remaining;

    public long ShippingLeft { get; set; }

    /// <summary>Line discount still allowed by the maximum combined discount; null when there is no cap.</summary>
    public decimal? BudgetLeft { get; set; }

    /// <summary><see cref="BudgetLeft"/> in minor units; <see cref="long.MaxValue"/> when there is no cap.</summary>
    public long BudgetLeftMinor { get; set; }

    /// <summary>The budget of a fresh cart under <paramref name="policy"/>, null without a cap.</summary>
    public static decimal? StartingBudget(CartView view, QuotePolicy policy) =>
        policy.MaxCombinedDiscountPercent is { } percent
            ? Money.Floor(Math.Max(0m, view.Subtotal) * percent / 100m, view.Currency)
            : null;

    /// <summary>Sets this state to the fresh cart, nothing applied yet.</summary>
    public void Reset(CartView view, decimal? budget)
    {
        Grow(view.Count);
        for (var i = 0; i < view.Count; i++)
        {
            _remaining[i] = Math.Max(0L, view.OriginalMinor[i]);
        }

        ShippingLeft = view.ShippingMinor;
        BudgetLeft = budget;
        BudgetLeftMinor = budget is { } b ? Money.ToMinor(b, view.Currency) : long.MaxValue;
    }

    /// <summary>How much more line <paramref name="i"/> may be discounted (down to its price floor), in minor units.</summary>
    public long Room(CartView view, int i) => Math.Max(0L, _remaining[i] - view.MinFinalMinor[i]);

    private void Grow(int count)
    {
        if (_remaining.Length < count)
        {
            _remaining = new long[count];
        }
    }
}
