namespace Promotions.Aws.Analytics;

/// <summary>
/// Sums that are written exactly once: the claim item is put with <c>attribute_not_exists</c> in the same
/// transaction as the cells, so a second writer of the same unit is refused and learns it is done.
/// </summary>
internal sealed record WriteUnit((string Pk, string Sk) Claim, IReadOnlyList<CellWrite> Cells)
{
    /// <summary>True for the unit that claims the whole event (the last one written).</summary>
    public bool ClaimsEvent => Claim.Sk == AnalyticsKeys.ProcessedSk;

    /// <summary>Transaction items this unit takes: its claim and its cells.</summary>
    public int Items => 1 + Cells.Count;
}
