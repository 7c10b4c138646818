using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// What is left while promotions apply one after another: line amounts and shipping in minor units (every
/// amount the engine takes off is a whole number of them), and the combined-discount budget.
/// </summary>
internal sealed class PricingState
{
    private long[] _remaining = [];
    private decimal[] _unitValues = [];
    private long[] _unitValuesAt = [];
    private long[] _unitKeys = [];

    /// <summary>What is left of each line (line-id order), in minor units; only the first <c>view.Count</c> are in use.</summary>
    public long[] Remaining => _remaining;

    /// <summary>
    /// Per line, what is left of it per unit, as <see cref="UnitOrder"/> last divided it out: kept per state, so
    /// that the search, which moves between states, divides a line again only when what is left of it changed.
    /// </summary>
    public decimal[] UnitValues => _unitValues;

    /// <summary>For each line, the remaining amount its unit value was computed at; -1 for none.</summary>
    public long[] UnitValuesAt => _unitValuesAt;

    /// <summary>
    /// Per line, the unit value as a whole number of 10^-(digits + 2) units when it is one (then it equals
    /// <see cref="UnitValues"/> exactly), -1 otherwise: unit values compare as integers where they can.
    /// </summary>
    public long[] UnitKeys => _unitKeys;

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

        // Unit values may belong to another cart; remaining amounts are never negative, so -1 matches none.
        Array.Fill(_unitValuesAt, -1L, 0, view.Count);

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
            _unitValues = new decimal[count];
            _unitValuesAt = new long[count];
            _unitKeys = new long[count];
        }
    }
}
