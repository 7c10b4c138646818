namespace Promotions.Domain.Customers;

/// <summary>Where the customer (or the store serving them) is, as far as the channel knows.</summary>
public sealed record Location(
    string? Country = null,
    string? Region = null,
    string? City = null,
    string? PostalCode = null,
    string? StoreId = null,
    double? Latitude = null,
    double? Longitude = null);
