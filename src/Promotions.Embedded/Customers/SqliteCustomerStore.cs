using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;
using Promotions.Embedded.PersonalData;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Customers;

/// <summary>
/// Customers in SQLite, their e-mail address and name sealed in the stored document (<see cref="CustomerPrivacy"/>). The
/// address is unique and found through <c>email_hash</c>, its keyed hash, so it is stored nowhere in plaintext. The first
/// call (or the host's start) seals rows written before encryption (<see cref="PlaintextCustomers"/>).
/// </summary>
internal sealed class SqliteCustomerStore : ICustomerStore
{
    private readonly DocumentTable<SealedCustomer> _table;
    private readonly CustomerPrivacy _privacy;
    private readonly Lazy<Task> _prepared;

    public SqliteCustomerStore(SqliteDatabase database, CustomerPrivacy privacy, LocalKeyRing keys)
    {
        _privacy = privacy;
        _table = new(database, new DocumentSchema<SealedCustomer>(
            "customers",
            SealedCustomerJson.For(DocumentJson.Default.Customer),
            c => c.Document.Id,
            (c, version) => c with { Document = c.Document with { Version = version } },
            [new("email_hash", c => c.EmailKey), new("sealed", _ => 1)],
            "customer_segments",
            c => c.Document.SegmentIds));
        _prepared = new(() => PlaintextCustomers.PrepareAsync(database, keys, privacy, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Checks the key ring against the database and seals what was stored in plaintext; runs once, whoever calls first.</summary>
    public Task PrepareAsync() => _prepared.Value;

    public async Task<Customer?> GetAsync(string id, CancellationToken ct)
    {
        await PrepareAsync().WaitAsync(ct);
        return await _table.GetAsync(id, ct) is { } stored ? await _privacy.OpenAsync(stored.Document, ct) : null;
    }

    /// <summary>The profile straight from the stored document: it holds no personal field, so nothing is opened.</summary>
    public async Task<CustomerProfile?> GetProfileAsync(string id, CancellationToken ct)
    {
        await PrepareAsync().WaitAsync(ct);
        return await _table.GetAsync(id, ct) is { } stored ? CustomerProfile.From(stored.Document) : null;
    }

    public async Task<Customer?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await PrepareAsync().WaitAsync(ct);
        if (await _privacy.EmailKeyAsync(email, ct) is not { } key)
        {
            return null;
        }

        var found = await _table.ListAllAsync(new SqlConditions().Equal("email_hash", key), ct);
        return found.Count == 0 ? null : await _privacy.OpenAsync(found[0].Document, ct);
    }

    public async Task<Page<Customer>> ListAsync(CustomerFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await PrepareAsync().WaitAsync(ct);
        var stored = await _table.ListAsync(new SqlConditions().Add(_table.MemberClause, filter.SegmentId), page, ct);
        return await _privacy.OpenAsync(new Page<Customer>([.. stored.Items.Select(c => c.Document)], stored.NextCursor), ct);
    }

    public async Task<WriteResult<Customer>> CreateAsync(Customer customer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await PrepareAsync().WaitAsync(ct);
        return CustomerPrivacy.Plain(await _table.CreateAsync(await _privacy.SealAsync(customer, ct), ct), customer);
    }

    public async Task<WriteResult<Customer>> UpdateAsync(Customer customer, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        await PrepareAsync().WaitAsync(ct);
        return CustomerPrivacy.Plain(await _table.UpdateAsync(await _privacy.SealAsync(customer, ct), expectedVersion, ct), customer);
    }

    public async Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct)
    {
        await PrepareAsync().WaitAsync(ct);
        return await _table.DeleteAsync(id, expectedVersion, ct);
    }
}
