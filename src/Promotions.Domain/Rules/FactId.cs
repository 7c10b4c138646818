namespace Promotions.Domain.Rules;

/// <summary>Every fact of the closed catalogue; the compiler switches on it to bind a reader.</summary>
internal enum FactId
{
    CustomerId,
    CustomerAttribute,
    CustomerSegments,
    CustomerFirstOrder,
    HistoryOrderCount,
    HistoryLifetimeSpend,
    HistoryDaysSinceLastOrder,
    HistoryBoughtSkus,
    HistoryBoughtCategories,
    LocationCountry,
    LocationRegion,
    LocationCity,
    LocationPostalCode,
    LocationStoreId,
    LocationDistanceKm,
    CartSubtotal,
    CartItemCount,
    CartCurrency,
    CartSkus,
    CartCategories,
    CartSkuQuantity,
    CartCategoryQuantity,
    Channel,
    TimeNow,
    TimeDate,
    TimeDayOfWeek,
    TimeTimeOfDay,
}
