namespace Promotions.Domain.Offers;

/// <summary>
/// The live promotions and segment criteria as read at <see cref="LoadedAt"/>, in promotion id order.
/// Immutable and shared by every request until the catalog refreshes it.
/// </summary>
public sealed class CatalogSnapshot
{
    public CatalogSnapshot(DateTimeOffset loadedAt, IReadOnlyList<LivePromotion> promotions, IReadOnlyList<CompiledSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        LoadedAt = loadedAt;
        Promotions = promotions;
        Segments = segments;
        ById = promotions.ToDictionary(static p => p.Id, StringComparer.Ordinal);
    }

    public DateTimeOffset LoadedAt { get; }

    public IReadOnlyList<LivePromotion> Promotions { get; }

    public IReadOnlyList<CompiledSegment> Segments { get; }

    public IReadOnlyDictionary<string, LivePromotion> ById { get; }
}
