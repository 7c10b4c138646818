using System.Text.Json;

namespace Promotions.Domain.Customers;

/// <summary>A known customer. <paramref name="Attributes"/> is a JSON object of free-form attributes.</summary>
public sealed record Customer(
    string Id,
    string? Email,
    string? Name,
    JsonElement? Attributes,
    IReadOnlyList<string> SegmentIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastActiveAt,
    PurchaseHistory History,
    Location? Location = null,
    long Version = 1);
