namespace Promotions.Domain.Discounts.Effects;

/// <summary>
/// Selects cart lines: a line matches when its SKU is in <paramref name="Skus"/> or its category is in
/// <paramref name="Categories"/> (either list empty and the other empty too means "any line"), and its
/// SKU is not in <paramref name="ExcludeSkus"/>. Comparisons are ordinal (case-sensitive).
/// </summary>
public sealed record ItemFilter(IReadOnlyList<string> Skus, IReadOnlyList<string> Categories, IReadOnlyList<string> ExcludeSkus)
{
    /// <summary>True when a line with this SKU and category is selected.</summary>
    public bool Matches(string sku, string? category)
    {
        if (Contains(ExcludeSkus, sku))
        {
            return false;
        }

        if (Skus.Count == 0 && Categories.Count == 0)
        {
            return true;
        }

        return Contains(Skus, sku) || (category is not null && Contains(Categories, category));
    }

    // A plain loop: filters hold a handful of entries and run for every line of every candidate.
    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
