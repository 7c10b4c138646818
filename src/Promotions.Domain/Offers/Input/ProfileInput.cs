using System.Text.Json;

namespace Promotions.Domain.Offers.Input;

/// <summary>
/// An inline customer profile, for a guest or a customer the platform does not store: free-form attributes
/// (a JSON object), segment ids, a purchase-history summary and a location.
/// </summary>
public sealed record ProfileInput(
    JsonElement? Attributes = null,
    IReadOnlyList<string>? SegmentIds = null,
    HistoryInput? History = null,
    LocationInput? Location = null);

/// <summary>The purchase-history summary of an inline profile.</summary>
public sealed record HistoryInput(
    int OrderCount = 0,
    decimal LifetimeSpend = 0m,
    DateTimeOffset? LastOrderAt = null,
    IReadOnlyList<PurchasedItemInput>? Items = null);

/// <summary>One past purchase of an inline profile.</summary>
public sealed record PurchasedItemInput(string Sku, DateTimeOffset PurchasedAt, string? Category = null);

/// <summary>Where the customer (or the store serving them) is.</summary>
public sealed record LocationInput(
    string? Country = null,
    string? Region = null,
    string? City = null,
    string? PostalCode = null,
    string? StoreId = null,
    double? Latitude = null,
    double? Longitude = null);
