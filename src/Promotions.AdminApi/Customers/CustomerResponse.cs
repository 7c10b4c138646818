using System.Text.Json;
using Promotions.Domain.Customers;

namespace Promotions.AdminApi.Customers;

/// <summary>A customer as the Admin API shows it.</summary>
internal sealed record CustomerResponse(
    string Id,
    string? Email,
    string? Name,
    JsonElement? Attributes,
    IReadOnlyList<string> SegmentIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastActiveAt,
    HistoryBody History,
    LocationBody? Location,
    long Version)
{
    public static CustomerResponse From(Customer c) => new(
        c.Id, c.Email, c.Name, c.Attributes, c.SegmentIds, c.CreatedAt, c.LastActiveAt,
        new HistoryBody(c.History.OrderCount, c.History.LifetimeSpend, c.History.LastOrderAt,
            [.. c.History.Items.Select(i => new PurchasedItemBody(i.Sku, i.Category, i.PurchasedAt))]),
        c.Location is { } l ? new LocationBody(l.Country, l.Region, l.City, l.PostalCode, l.StoreId, l.Latitude, l.Longitude) : null,
        c.Version);
}
