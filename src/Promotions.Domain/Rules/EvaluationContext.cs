using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using Promotions.Domain.Rules.Evaluation;

namespace Promotions.Domain.Rules;

/// <summary>
/// Everything a condition can ask about one request, resolved once: attributes flattened and decoded,
/// lists turned into sets, quantities summed, last purchase per SKU indexed. Compiled conditions then
/// read it without allocating. A context belongs to one request and is not shared across threads.
/// </summary>
public sealed class EvaluationContext
{
    private readonly Dictionary<string, AttributeValue> _attributes;
    private readonly AttributeValue?[] _attributeCache;
    private readonly DateTime[] _localTimes;
    private readonly bool[] _hasLocalTime;
    private readonly Dictionary<string, int>? _skuQuantities;
    private readonly Dictionary<string, int>? _categoryQuantities;

    private EvaluationContext(CustomerProfile customer, Cart? cart, string? channel, DateTimeOffset now)
    {
        CustomerId = customer.Id;
        _attributes = AttributeFlattener.Flatten(customer.Attributes);
        Segments = new HashSet<string>(customer.SegmentIds, StringComparer.Ordinal);

        var history = customer.History;
        OrderCount = history.OrderCount;
        LifetimeSpend = history.LifetimeSpend;
        if (history.LastOrderAt is { } lastOrder)
        {
            DaysSinceLastOrder = Math.Max(0, (int)Math.Floor((now - lastOrder).TotalDays));
        }

        LastBoughtSku = LatestBy(history.Items, static i => i.Sku);
        LastBoughtCategory = LatestBy(history.Items, static i => i.Category);
        Location = customer.Location;

        if (cart is not null)
        {
            Subtotal = cart.Subtotal;
            ItemCount = cart.ItemCount;
            Currency = cart.Currency;
            CartSkus = new HashSet<string>(cart.Lines.Select(static l => l.Sku), StringComparer.Ordinal);
            CartCategories = new HashSet<string>(cart.Lines.Select(static l => l.Category).OfType<string>(), StringComparer.Ordinal);
            _skuQuantities = SumBy(cart.Lines, static l => l.Sku);
            _categoryQuantities = SumBy(cart.Lines, static l => l.Category);
        }

        Channel = channel;
        Now = now;

        // Sized for the slots known now; a rule compiled later still works, it just reads uncached.
        _attributeCache = new AttributeValue?[SlotRegistry.Attributes.Count];
        _localTimes = new DateTime[SlotRegistry.TimeZones.Count];
        _hasLocalTime = new bool[_localTimes.Length];
    }

    internal string? CustomerId { get; }

    internal HashSet<string> Segments { get; }

    internal int OrderCount { get; }

    internal decimal LifetimeSpend { get; }

    internal int? DaysSinceLastOrder { get; }

    internal Dictionary<string, DateTimeOffset> LastBoughtSku { get; }

    internal Dictionary<string, DateTimeOffset> LastBoughtCategory { get; }

    internal Location? Location { get; }

    internal decimal? Subtotal { get; }

    internal int? ItemCount { get; }

    internal string? Currency { get; }

    internal HashSet<string>? CartSkus { get; }

    internal HashSet<string>? CartCategories { get; }

    internal string? Channel { get; }

    internal DateTimeOffset Now { get; }

    /// <summary>Builds the context of one request; <paramref name="now"/> is the request's clock reading.</summary>
    public static EvaluationContext Create(CustomerProfile customer, Cart? cart, string? channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new EvaluationContext(customer, cart, channel, now);
    }

    /// <summary>The attribute at <paramref name="path"/>, interned as <paramref name="slot"/> when the rule was compiled.</summary>
    internal AttributeValue Attribute(int slot, string path)
    {
        if ((uint)slot < (uint)_attributeCache.Length)
        {
            return _attributeCache[slot] ??= Lookup(path);
        }

        return Lookup(path);
    }

    /// <summary>The local wall-clock time of <see cref="Now"/> in <paramref name="zone"/>, converted once per context.</summary>
    internal DateTime LocalNow(int slot, TimeZoneInfo zone)
    {
        if ((uint)slot >= (uint)_localTimes.Length)
        {
            return TimeZoneInfo.ConvertTime(Now, zone).DateTime;
        }

        if (!_hasLocalTime[slot])
        {
            _localTimes[slot] = TimeZoneInfo.ConvertTime(Now, zone).DateTime;
            _hasLocalTime[slot] = true;
        }

        return _localTimes[slot];
    }

    /// <summary>Units of <paramref name="sku"/> in the cart: 0 when absent, null when there is no cart.</summary>
    internal int? SkuQuantity(string sku) => _skuQuantities is null ? null : _skuQuantities.GetValueOrDefault(sku);

    /// <summary>Units of <paramref name="category"/> in the cart: 0 when absent, null when there is no cart.</summary>
    internal int? CategoryQuantity(string category) =>
        _categoryQuantities is null ? null : _categoryQuantities.GetValueOrDefault(category);

    /// <summary>Kilometres from <paramref name="from"/>; null when the customer's coordinates are unknown.</summary>
    internal double? DistanceKm(GeoPoint from) =>
        Location is { Latitude: { } lat, Longitude: { } lon } ? Geo.DistanceKm(from.Latitude, from.Longitude, lat, lon) : null;

    private AttributeValue Lookup(string path) => _attributes.GetValueOrDefault(path) ?? AttributeValue.Missing;

    private static Dictionary<string, DateTimeOffset> LatestBy(IEnumerable<PurchasedItem> items, Func<PurchasedItem, string?> key)
    {
        var latest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (key(item) is { } k && (!latest.TryGetValue(k, out var seen) || item.PurchasedAt > seen))
            {
                latest[k] = item.PurchasedAt;
            }
        }

        return latest;
    }

    private static Dictionary<string, int> SumBy(IEnumerable<CartLine> lines, Func<CartLine, string?> key)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (key(line) is { } k)
            {
                sums[k] = sums.GetValueOrDefault(k) + line.Quantity;
            }
        }

        return sums;
    }
}
