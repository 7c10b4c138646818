using System.Security.Cryptography;
using System.Text;
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
/// Customers on DynamoDB (<c>CUSTOMER#&lt;id&gt;</c>). An e-mail address is unique through a second item,
/// <c>CUSTOMEREMAIL#&lt;key&gt;</c>, put, moved or removed in the same transaction as the customer, so two customers
/// can never hold one address and a lookup by address is two reads. The key is a hash of the address, never the
/// address itself (<see cref="EmailKey"/>).
/// </summary>
internal sealed class DynamoDbCustomerStore : ICustomerStore
{
    public const string EmailPrefix = "CUSTOMEREMAIL#";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;
    private readonly VersionedItems<Customer> _items;

    public DynamoDbCustomerStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options)
    {
        _dynamo = dynamo;
        _table = options.Value.Table;
        _items = new(dynamo, _table, new ItemSchema<Customer>(
            "CUSTOMER#",
            "CUSTOMERS",
            DocumentJson.Default.Customer,
            c => c.Id,
            c => c.Version,
            (c, version) => c with { Version = version },
            c =>
            [
                new("segmentIds", Attr.List(c.SegmentIds)),
                new("emailHash", EmailKey(c.Email) is { } key ? Attr.S(key) : null),
            ]));
    }

    public Task<Customer?> GetAsync(string id, CancellationToken ct) => _items.GetAsync(id, ct);

    public async Task<Customer?> FindByEmailAsync(string email, CancellationToken ct)
    {
        if (EmailKey(email) is not { } key)
        {
            return null;
        }

        var owner = await _dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = EmailItemKey(key), ConsistentRead = true }, ct);
        if (owner.Item?.GetS("customerId") is not { } customerId)
        {
            return null;
        }

        var customer = await _items.GetAsync(customerId, ct);
        return customer is not null && EmailKey(customer.Email) == key ? customer : null;
    }

    public Task<Page<Customer>> ListAsync(CustomerFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _items.ListAsync(new ItemFilter().Contains("segmentIds", filter.SegmentId), page, ct);
    }

    public Task<WriteResult<Customer>> CreateAsync(Customer customer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return _items.CreateAsync(customer, EmailMove(customer.Id, null, EmailKey(customer.Email)), ct);
    }

    /// <summary>
    /// Reads the stored customer for the address it holds; the write is conditional on the version read, so a change
    /// of address in between refuses it (a version conflict) instead of leaving a stale uniqueness item behind.
    /// </summary>
    public async Task<WriteResult<Customer>> UpdateAsync(Customer customer, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (await _items.GetAsync(customer.Id, ct) is not { } current)
        {
            return new WriteResult<Customer>(WriteStatus.NotFound);
        }

        return await _items.UpdateAsync(customer, expectedVersion, EmailMove(customer.Id, EmailKey(current.Email), EmailKey(customer.Email)), ct);
    }

    public async Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct)
    {
        if (await _items.GetAsync(id, ct) is not { } current)
        {
            return WriteStatus.NotFound;
        }

        return await _items.DeleteAsync(id, expectedVersion, EmailMove(id, EmailKey(current.Email), null), ct);
    }

    /// <summary>
    /// The key an address is found and made unique by: the SHA-256 of the trimmed, lower-cased address, in hex. The one
    /// place to change for a keyed hash (HMAC with a managed key), so that the key alone reveals no address.
    /// </summary>
    private static string? EmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email)
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    private static Dictionary<string, AttributeValue> EmailItemKey(string key) => Attr.Key(EmailPrefix + key, VersionedItems<Customer>.Sk);

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
