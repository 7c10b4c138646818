using Promotions.Domain.Common;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Customers;

/// <summary>
/// What of a customer is personal data and how it is kept: the e-mail address and the name are sealed in the stored
/// document, each bound to its field and to the customer's id, and the address is found and made unique by a keyed hash
/// of it (<see cref="EmailKeyAsync"/>), never by the address. Every customer store seals what it writes and opens what it
/// reads with this, so the rest of the product sees plain customers.
/// </summary>
public sealed class CustomerPrivacy(PersonalDataProtector protector)
{
    /// <summary>The purpose the e-mail address is sealed for.</summary>
    public const string EmailField = "customer.email";

    /// <summary>The purpose the name is sealed for.</summary>
    public const string NameField = "customer.name";

    /// <summary>The customer as it is stored, with the key of its address.</summary>
    public async Task<SealedCustomer> SealAsync(Customer customer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var email = await protector.SealAsync(customer.Email, EmailField, customer.Id, ct);
        var name = await protector.SealAsync(customer.Name, NameField, customer.Id, ct);
        return new SealedCustomer(customer with { Email = email, Name = name }, await EmailKeyAsync(customer.Email, ct));
    }

    /// <summary>A stored customer with its personal fields opened.</summary>
    public async Task<Customer> OpenAsync(Customer stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var email = await protector.OpenAsync(stored.Email, EmailField, stored.Id, ct);
        var name = await protector.OpenAsync(stored.Name, NameField, stored.Id, ct);
        return stored with { Email = email, Name = name };
    }

    /// <summary>A page of stored customers, opened; values under data keys not in memory yet are unwrapped side by side.</summary>
    public async Task<Page<Customer>> OpenAsync(Page<Customer> stored, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored with { Items = await Task.WhenAll(stored.Items.Select(c => OpenAsync(c, ct))) };
    }

    /// <summary>The outcome of writing a sealed customer, with the customer as the caller knows it, at the version stored.</summary>
    public static WriteResult<Customer> Plain(WriteResult<SealedCustomer> written, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(customer);
        return new(written.Status, written.Value is { } stored ? customer with { Version = stored.Document.Version } : null);
    }

    /// <summary>
    /// The key an address is found and kept unique by: the keyed hash of the trimmed, lower-cased address (64 hex digits);
    /// null for no address. Stable for the life of the data, and useless to anyone without the key ring.
    /// </summary>
    public async Task<string?> EmailKeyAsync(string? email, CancellationToken ct) =>
        NormalizeEmail(email) is { } normalized ? await protector.LookupKeyAsync(normalized, ct) : null;

    /// <summary>The form of an address that equal addresses share: trimmed and lower-cased; null for none or blank.</summary>
    public static string? NormalizeEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
