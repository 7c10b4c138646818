using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Customers;

/// <summary>
/// Customers in SQLite. The e-mail address is unique and looked up through a lower-cased copy of it; the
/// AWS adapter indexes a keyed hash of the address instead, so the plain address is never a key there.
/// </summary>
internal sealed class SqliteCustomerStore(SqliteDatabase database) : ICustomerStore
{
    private readonly DocumentTable<Customer> _table = new(database, new DocumentSchema<Customer>(
        "customers",
        DocumentJson.Default.Customer,
        c => c.Id,
        (c, version) => c with { Version = version },
        [new("email_lower", c => EmailKey(c.Email))],
        "customer_segments",
        c => c.SegmentIds));

    public Task<Customer?> GetAsync(string id, CancellationToken ct) => _table.GetAsync(id, ct);

    public async Task<Customer?> FindByEmailAsync(string email, CancellationToken ct)
    {
        var key = EmailKey(email);
        if (key is null)
        {
            return null;
        }

        var found = await _table.ListAllAsync(new SqlConditions().Equal("email_lower", key), ct);
        return found.Count == 0 ? null : found[0];
    }

    public Task<Page<Customer>> ListAsync(CustomerFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _table.ListAsync(new SqlConditions().Add(_table.MemberClause, filter.SegmentId), page, ct);
    }

    public Task<WriteResult<Customer>> CreateAsync(Customer customer, CancellationToken ct) => _table.CreateAsync(customer, ct);

    public Task<WriteResult<Customer>> UpdateAsync(Customer customer, long expectedVersion, CancellationToken ct) =>
        _table.UpdateAsync(customer, expectedVersion, ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) =>
        _table.DeleteAsync(id, expectedVersion, ct);

    // Where the keyed hash (HMAC of the lower-cased address) will go when addresses must not be stored as keys.
    private static string? EmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
