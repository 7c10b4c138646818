namespace Promotions.Domain.Rules;

/// <summary>
/// The extra properties some facts take: <c>withinDays</c> (history lists), <c>timeZone</c> (time facts),
/// <c>sku</c>/<c>category</c> (cart quantities) and <c>from</c> (distance). Unused ones are null.
/// </summary>
public sealed record FactParameters(
    int? WithinDays = null,
    string? TimeZone = null,
    string? Sku = null,
    string? Category = null,
    GeoPoint? From = null)
{
    /// <summary>No parameters.</summary>
    public static FactParameters None { get; } = new();
}

/// <summary>A point on Earth in decimal degrees (WGS 84).</summary>
public sealed record GeoPoint(double Latitude, double Longitude);
