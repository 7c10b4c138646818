using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// The line selections of one quote by filter content: many promotions target the same items (a category,
/// the whole order), and filters with the same entries select the same lines, so each is selected once.
/// </summary>
internal sealed class SelectionCache
{
    private readonly Dictionary<(ItemFilter? Filter, bool Exclude), LineSelection> _selections = new(new SameFilter());
    private readonly List<LineSelection> _pool = [];
    private int _used;

    // Whole-order targets (no filter), with and without already-discounted lines: the commonest, kept apart.
    private readonly LineSelection?[] _order = new LineSelection?[2];

    public LineSelection Select(CartView view, ItemFilter? filter, bool excludeAlreadyDiscounted)
    {
        if (filter is null)
        {
            var slot = excludeAlreadyDiscounted ? 1 : 0;
            return _order[slot] ??= Selected(view, null, excludeAlreadyDiscounted);
        }

        if (!_selections.TryGetValue((filter, excludeAlreadyDiscounted), out var selection))
        {
            selection = Selected(view, filter, excludeAlreadyDiscounted);
            _selections.Add((filter, excludeAlreadyDiscounted), selection);
        }

        return selection;
    }

    public void Clear()
    {
        _selections.Clear();
        Array.Clear(_order);
        _used = 0;
    }

    private LineSelection Selected(CartView view, ItemFilter? filter, bool excludeAlreadyDiscounted)
    {
        if (_used == _pool.Count)
        {
            _pool.Add(new LineSelection());
        }

        var selection = _pool[_used++];
        selection.Select(view, filter, excludeAlreadyDiscounted);
        return selection;
    }

    /// <summary>Filters are equal when they list the same entries in the same order (ordinal), as matching is.</summary>
    private sealed class SameFilter : IEqualityComparer<(ItemFilter? Filter, bool Exclude)>
    {
        public bool Equals((ItemFilter? Filter, bool Exclude) x, (ItemFilter? Filter, bool Exclude) y) =>
            x.Exclude == y.Exclude && (ReferenceEquals(x.Filter, y.Filter) || (x.Filter is { } a && y.Filter is { } b
                && Same(a.Skus, b.Skus) && Same(a.Categories, b.Categories) && Same(a.ExcludeSkus, b.ExcludeSkus)));

        public int GetHashCode((ItemFilter? Filter, bool Exclude) key)
        {
            // Cheap on purpose (lengths and edge characters, no string hashing): equal filters still hash alike,
            // and Equals settles the rare collision. A quote looks up one filter per candidate.
            var hash = key.Exclude ? 1 : 0;
            if (key.Filter is { } filter)
            {
                hash = Add(hash, filter.Skus);
                hash = Add(hash, filter.Categories);
                hash = Add(hash, filter.ExcludeSkus);
            }

            return hash;
        }

        private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (var i = 0; i < a.Count; i++)
            {
                if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static int Add(int hash, IReadOnlyList<string> values)
        {
            hash = (hash * 31) + values.Count;
            for (var i = 0; i < values.Count; i++)
            {
                var value = values[i];
                hash = (hash * 31) + value.Length;
                if (value.Length > 0)
                {
                    hash = (hash * 31) + value[0] + (value[^1] << 8);
                }
            }

            return hash;
        }
    }
}
