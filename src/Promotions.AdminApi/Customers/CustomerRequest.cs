using System.Text.Json;

namespace Promotions.AdminApi.Customers;

/// <summary>
/// The editable fields of a customer: profile, free-form <see cref="Attributes"/> (a JSON object), the
/// segments that list the customer explicitly, the purchase-history summary rules reason about, and location.
/// </summary>
internal sealed record CustomerRequest(
    string? Email = null,
    string? Name = null,
    JsonElement? Attributes = null,
    IReadOnlyList<string>? SegmentIds = null,
    DateTimeOffset? LastActiveAt = null,
    HistoryBody? History = null,
    LocationBody? Location = null);

/// <summary>The purchase-history summary (request and response).</summary>
internal sealed record HistoryBody(
    int? OrderCount = null,
    decimal? LifetimeSpend = null,
    DateTimeOffset? LastOrderAt = null,
    IReadOnlyList<PurchasedItemBody>? Items = null);

/// <summary>One SKU bought at a time.</summary>
internal sealed record PurchasedItemBody(string? Sku = null, string? Category = null, DateTimeOffset? PurchasedAt = null);

/// <summary>Where the customer is (request and response).</summary>
internal sealed record LocationBody(
    string? Country = null,
    string? Region = null,
    string? City = null,
    string? PostalCode = null,
    string? StoreId = null,
    double? Latitude = null,
    double? Longitude = null);
