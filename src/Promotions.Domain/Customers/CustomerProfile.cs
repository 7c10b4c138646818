using System.Text.Json;

namespace Promotions.Domain.Customers;

/// <summary>
/// The customer as a rule sees them: a stored customer, or an inline profile a channel sends for a
/// guest. <paramref name="Attributes"/> is a JSON object; nested attributes are reached by dotted path.
/// </summary>
public sealed record CustomerProfile(
    string? Id,
    JsonElement? Attributes,
    IReadOnlyList<string> SegmentIds,
    PurchaseHistory History,
    Location? Location = null)
{
    public static CustomerProfile Anonymous { get; } = new(null, null, [], PurchaseHistory.None);

    public static CustomerProfile From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new(customer.Id, customer.Attributes, customer.SegmentIds, customer.History, customer.Location);
    }
}
