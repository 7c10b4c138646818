using Promotions.Domain.Common;
using Promotions.Domain.Customers;

namespace Promotions.Domain.Ports;

/// <summary>Customers: profile, attributes and purchase-history summary.</summary>
public interface ICustomerStore
{
    Task<Customer?> GetAsync(string id, CancellationToken ct);

    /// <summary>
    /// The customer as rules see them (no e-mail address, no name), for the paths that evaluate offers: a store that seals
    /// personal data answers without opening it, so those paths need no access to the keys of personal data.
    /// </summary>
    async Task<CustomerProfile?> GetProfileAsync(string id, CancellationToken ct) =>
        await GetAsync(id, ct) is { } customer ? CustomerProfile.From(customer) : null;

    /// <summary>Lookup by e-mail address (case-insensitive); adapters may index a keyed hash rather than the address.</summary>
    Task<Customer?> FindByEmailAsync(string email, CancellationToken ct);

    Task<Page<Customer>> ListAsync(CustomerFilter filter, ListQuery page, CancellationToken ct);

    Task<WriteResult<Customer>> CreateAsync(Customer customer, CancellationToken ct);

    Task<WriteResult<Customer>> UpdateAsync(Customer customer, long expectedVersion, CancellationToken ct);

    Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct);
}

/// <summary>Filters of the customer list; null means "any".</summary>
public sealed record CustomerFilter(string? SegmentId = null);
