namespace Promotions.Domain.Customers;

/// <summary>What a customer has bought before: the summary the rule language reasons about.</summary>
public sealed record PurchaseHistory(
    int OrderCount,
    decimal LifetimeSpend,
    DateTimeOffset? LastOrderAt,
    IReadOnlyList<PurchasedItem> Items)
{
    public static PurchaseHistory None { get; } = new(0, 0m, null, []);
}

/// <summary>One SKU bought at a time; used for "bought SKU/category within N days".</summary>
public sealed record PurchasedItem(string Sku, string? Category, DateTimeOffset PurchasedAt);
