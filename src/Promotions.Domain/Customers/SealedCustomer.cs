namespace Promotions.Domain.Customers;

/// <summary>
/// A customer as it is stored: <paramref name="Document"/> with the personal fields sealed
/// (<see cref="CustomerPrivacy"/>), and <paramref name="EmailKey"/>, the keyed hash its address is found and kept unique
/// by (null without an address, and on reads, where only the document comes back).
/// </summary>
public sealed record SealedCustomer(Customer Document, string? EmailKey);
