using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Customers;

/// <summary>
/// Customers on DynamoDB (<c>CUSTOMER#&lt;id&gt;</c>), their e-mail address and name sealed in the stored document
/// (<see cref="CustomerPrivacy"/>, data keys from KMS), as the SQLite store keeps them. An address is unique through a
/// second item, <c>CUSTOMEREMAIL#&lt;key&gt;</c>, put, moved or removed in the same transaction as the customer, so two
/// customers can never hold one address and a lookup by address is two reads. The key is the keyed hash of the address
/// (KMS <c>GenerateMac</c>), also kept on the customer's item as <c>emailHash</c>; an unkeyed hash would give the
/// address away to anyone hashing a list of candidates.
/// </summary>
internal sealed class DynamoDbCustomerStore : ICustomerStore
{
    public const string EmailPrefix = "CUSTOMEREMAIL#";

    private const string EmailHash = "emailHash";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;
    private readonly CustomerPrivacy _privacy;
    private readonly VersionedItems<SealedCustomer> _items;

    public DynamoDbCustomerStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, CustomerPrivacy privacy)
    {
        _dynamo = dynamo;
        _table = options.Value.Table;
        _privacy = privacy;
        _items = new(dynamo, _table, new ItemSchema<SealedCustomer>(
            "CUSTOMER#",
            "CUSTOMERS",
            SealedCustomerJson.For(DocumentJson.Default.Customer),
            c => c.Document.Id,
            c => c.Document.Version,
            (c, version) => c with { Document = c.Document with { Version = version } },
            c =>
            [
                new("segmentIds", Attr.List(c.Document.SegmentIds)),
                new(EmailHash, c.EmailKey is { } key ? Attr.S(key) : null),
            ]));
    }

    public async Task<Customer?> GetAsync(string id, CancellationToken ct) =>
        await _items.GetAsync(id, ct) is { } stored ? await _privacy.OpenAsync(stored.Document, ct) : null;

    /// <summary>The profile straight from the stored document: it holds no personal field, so KMS is not called.</summary>
    public async Task<CustomerProfile?> GetProfileAsync(string id, CancellationToken ct) =>
        await _items.GetAsync(id, ct) is { } stored ? CustomerProfile.From(stored.Document) : null;

    public async Task<Customer?> FindByEmailAsync(string email, CancellationToken ct)
    {
        if (await _privacy.EmailKeyAsync(email, ct) is not { } key)
        {
            return null;
        }

        var owner = await _dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = EmailItemKey(key), ConsistentRead = true }, ct);
        if (owner.Item?.GetS("customerId") is not { } customerId)
        {
            return null;
        }

        // The customer's own key, not the opened address, confirms the match: no Decrypt for a stale uniqueness item.
        var stored = await StoredAsync(customerId, ct);
        return stored is not null && stored.EmailKey == key ? await _privacy.OpenAsync(stored.Document, ct) : null;
    }

    public async Task<Page<Customer>> ListAsync(CustomerFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var stored = await _items.ListAsync(new ItemFilter().Contains("segmentIds", filter.SegmentId), page, ct);
        return await _privacy.OpenAsync(new Page<Customer>([.. stored.Items.Select(c => c.Document)], stored.NextCursor), ct);
    }

    public async Task<WriteResult<Customer>> CreateAsync(Customer customer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var sealedCustomer = await _privacy.SealAsync(customer, ct);
        return CustomerPrivacy.Plain(await _items.CreateAsync(sealedCustomer, EmailMove(customer.Id, null, sealedCustomer.EmailKey), ct), customer);
    }

    /// <summary>
    /// Reads the stored customer for the key of the address it holds; the write is conditional on the version read, so a
    /// change of address in between refuses it (a version conflict) instead of leaving a stale uniqueness item behind.
    /// </summary>
    public async Task<WriteResult<Customer>> UpdateAsync(Customer customer, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (await StoredAsync(customer.Id, ct) is not { } current)
        {
            return new WriteResult<Customer>(WriteStatus.NotFound);
        }

        var sealedCustomer = await _privacy.SealAsync(customer, ct);
        var moves = EmailMove(customer.Id, current.EmailKey, sealedCustomer.EmailKey);
        return CustomerPrivacy.Plain(await _items.UpdateAsync(sealedCustomer, expectedVersion, moves, ct), customer);
    }

    public async Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct)
    {
        if (await StoredAsync(id, ct) is not { } current)
        {
            return WriteStatus.NotFound;
        }

        return await _items.DeleteAsync(id, expectedVersion, EmailMove(id, current.EmailKey, null), ct);
    }

    /// <summary>The stored customer, sealed, with the key of its address as the item keeps it (nothing is opened).</summary>
    private async Task<SealedCustomer?> StoredAsync(string id, CancellationToken ct) =>
        await _items.GetItemAsync(id, ct) is { } item ? _items.Read(item) with { EmailKey = item.GetS(EmailHash) } : null;

    private static Dictionary<string, AttributeValue> EmailItemKey(string key) => Attr.Key(EmailPrefix + key, VersionedItems<SealedCustomer>.Sk);

    /// <summary>The uniqueness items that go with a change of address from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private List<TransactWriteItem> EmailMove(string customerId, string? from, string? to)
    {
        var moves = new List<TransactWriteItem>();
        if (from == to)
        {
            return moves;
        }

        if (from is not null)
        {
            moves.Add(new TransactWriteItem { Delete = new Delete { TableName = _table, Key = EmailItemKey(from) } });
        }

        if (to is not null)
        {
            var item = EmailItemKey(to);
            item["customerId"] = Attr.S(customerId);
            moves.Add(new TransactWriteItem { Put = new Put { TableName = _table, Item = item, ConditionExpression = "attribute_not_exists(pk)" } });
        }

        return moves;
    }
}
