using System.Diagnostics.CodeAnalysis;

namespace Promotions.Domain.Rules;

/// <summary>The closed catalogue of facts a condition can ask about, and the operators each type accepts.</summary>
internal static class FactCatalog
{
    public const string AttributePrefix = "customer.attributes.";

    private static readonly FactDefinition[] Definitions =
    [
        new("customer.id", FactId.CustomerId, FactType.String),
        new("customer.segments", FactId.CustomerSegments, FactType.StringList),
        new("customer.first_order", FactId.CustomerFirstOrder, FactType.Boolean),
        new("history.order_count", FactId.HistoryOrderCount, FactType.Number),
        new("history.lifetime_spend", FactId.HistoryLifetimeSpend, FactType.Number),
        new("history.days_since_last_order", FactId.HistoryDaysSinceLastOrder, FactType.Number),
        new("history.bought_skus", FactId.HistoryBoughtSkus, FactType.StringList, FactParameterKinds.WithinDays),
        new("history.bought_categories", FactId.HistoryBoughtCategories, FactType.StringList, FactParameterKinds.WithinDays),
        new("location.country", FactId.LocationCountry, FactType.String),
        new("location.region", FactId.LocationRegion, FactType.String),
        new("location.city", FactId.LocationCity, FactType.String),
        new("location.postal_code", FactId.LocationPostalCode, FactType.String),
        new("location.store_id", FactId.LocationStoreId, FactType.String),
        new("location.distance_km", FactId.LocationDistanceKm, FactType.Number, FactParameterKinds.From),
        new("cart.subtotal", FactId.CartSubtotal, FactType.Number),
        new("cart.item_count", FactId.CartItemCount, FactType.Number),
        new("cart.currency", FactId.CartCurrency, FactType.String),
        new("cart.skus", FactId.CartSkus, FactType.StringList),
        new("cart.categories", FactId.CartCategories, FactType.StringList),
        new("cart.sku_quantity", FactId.CartSkuQuantity, FactType.Number, FactParameterKinds.Sku),
        new("cart.category_quantity", FactId.CartCategoryQuantity, FactType.Number, FactParameterKinds.Category),
        new("channel", FactId.Channel, FactType.String),
        new("time.now", FactId.TimeNow, FactType.DateTime),
        new("time.date", FactId.TimeDate, FactType.Date, Optional: FactParameterKinds.TimeZone),
        new("time.day_of_week", FactId.TimeDayOfWeek, FactType.DayOfWeek, Optional: FactParameterKinds.TimeZone),
        new("time.time_of_day", FactId.TimeTimeOfDay, FactType.TimeOfDay, Optional: FactParameterKinds.TimeZone),
    ];

    private static readonly Dictionary<string, FactDefinition> ByName =
        Definitions.ToDictionary(static d => d.Name, StringComparer.Ordinal);

    private static readonly RuleOperator[] AllOperators = Enum.GetValues<RuleOperator>();

    private static readonly Dictionary<FactType, RuleOperator[]> Operators = new()
    {
        [FactType.Number] = [RuleOperator.Eq, RuleOperator.Neq, RuleOperator.In, RuleOperator.NotIn, RuleOperator.Gt,
            RuleOperator.Gte, RuleOperator.Lt, RuleOperator.Lte, RuleOperator.Between, RuleOperator.Exists],
        [FactType.String] = [RuleOperator.Eq, RuleOperator.Neq, RuleOperator.In, RuleOperator.NotIn,
            RuleOperator.Contains, RuleOperator.StartsWith, RuleOperator.Exists],
        [FactType.Boolean] = [RuleOperator.Eq, RuleOperator.Neq, RuleOperator.Exists],
        [FactType.StringList] = [RuleOperator.Contains, RuleOperator.ContainsAny, RuleOperator.ContainsAll, RuleOperator.Exists],
        [FactType.DateTime] = [RuleOperator.Eq, RuleOperator.Neq, RuleOperator.Gt, RuleOperator.Gte, RuleOperator.Lt,
            RuleOperator.Lte, RuleOperator.Between, RuleOperator.Exists],
        [FactType.Date] = [RuleOperator.Eq, RuleOperator.Neq, RuleOperator.In, RuleOperator.NotIn, RuleOperator.Gt,
            RuleOperator.Gte, RuleOperator.Lt, RuleOperator.Lte, RuleOperator.Between, RuleOperator.Exists],
        [FactType.TimeOfDay] = [RuleOperator.Eq, RuleOperator.Neq, RuleOperator.Gt, RuleOperator.Gte, RuleOperator.Lt,
            RuleOperator.Lte, RuleOperator.Between, RuleOperator.Exists],
        [FactType.DayOfWeek] = [RuleOperator.Eq, RuleOperator.Neq, RuleOperator.In, RuleOperator.NotIn, RuleOperator.Exists],
        [FactType.Any] = AllOperators,
    };

    /// <summary>The fixed fact names (attributes are the open family under <see cref="AttributePrefix"/>).</summary>
    public static IEnumerable<string> Names => Definitions.Select(static d => d.Name);

    public static IReadOnlyList<RuleOperator> OperatorsFor(FactType type) => Operators[type];

    /// <summary>Finds a fact by name; <c>customer.attributes.a.b</c> resolves to the attribute fact.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out FactDefinition? definition)
    {
        if (ByName.TryGetValue(name, out definition))
        {
            return true;
        }

        if (name.StartsWith(AttributePrefix, StringComparison.Ordinal) && IsAttributePath(name.AsSpan(AttributePrefix.Length)))
        {
            definition = new FactDefinition(name, FactId.CustomerAttribute, FactType.Any);
            return true;
        }

        definition = null;
        return false;
    }

    /// <summary>Dotted segments of letters, digits, '_' and '-'; no empty segment.</summary>
    private static bool IsAttributePath(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty || path[0] == '.' || path[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            var ok = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (c == '.' && path[i - 1] != '.');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
