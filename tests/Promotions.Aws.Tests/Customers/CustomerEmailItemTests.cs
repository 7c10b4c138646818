using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Customers;

/// <summary>
/// The e-mail uniqueness items on the table itself: one per address, keyed by its keyed hash (never the address), moved and
/// removed in the customer's own transaction, and left alone by a write that is refused.
/// </summary>
public sealed class CustomerEmailItemTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private ICustomerStore Store => aws.Services.GetRequiredService<ICustomerStore>();

    [Fact]
    public async Task EmailItems_FollowTheCustomerThroughChangeAndDelete()
    {
        var customer = NewCustomer();
        await Store.CreateAsync(customer, default);
        var moved = customer with { Email = "  Moved-" + customer.Email!.ToUpperInvariant() + " " };

        var created = await EmailItemsAsync(customer.Id);
        await Store.UpdateAsync(moved, 1, default);
        var afterMove = await EmailItemsAsync(customer.Id);
        await Store.DeleteAsync(customer.Id, 2, default);

        var pk = Assert.Single(created);
        Assert.Matches("^CUSTOMEREMAIL#[0-9a-f]{64}$", pk);
        Assert.DoesNotContain("@", pk, StringComparison.Ordinal);
        Assert.NotEqual(pk, Assert.Single(afterMove));
        Assert.Empty(await EmailItemsAsync(customer.Id));
        Assert.Null(await Store.FindByEmailAsync(moved.Email!, default));
    }

    [Fact]
    public async Task RefusedUpdate_LeavesTheAddressWithItsHolder()
    {
        var holder = NewCustomer();
        var other = NewCustomer();
        await Store.CreateAsync(holder, default);
        await Store.CreateAsync(other, default);

        var stale = await Store.UpdateAsync(other with { Email = "fresh-" + other.Email }, 5, default);
        var taken = await Store.UpdateAsync(other with { Email = holder.Email }, 1, default);

        Assert.Equal((WriteStatus.VersionConflict, WriteStatus.Duplicate), (stale.Status, taken.Status));
        Assert.Equal(holder.Id, (await Store.FindByEmailAsync(holder.Email!, default))?.Id);
        Assert.Equal(other.Id, (await Store.FindByEmailAsync(other.Email!, default))?.Id);
        Assert.Null(await Store.FindByEmailAsync("fresh-" + other.Email, default));
        Assert.Single(await EmailItemsAsync(other.Id));
    }

    private static Customer NewCustomer()
    {
        var id = Ids.New("cus", TimeProvider.System);
        return new Customer(id, $"{id}@example.com", "Ada", null, [], TimeProvider.System.GetUtcNow(), null, PurchaseHistory.None);
    }

    private async Task<List<string>> EmailItemsAsync(string customerId)
    {
        var items = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await aws.DynamoDb.ScanAsync(new ScanRequest
            {
                TableName = aws.Table,
                FilterExpression = "customerId = :id",
                ExpressionAttributeValues = new() { [":id"] = Attr.S(customerId) },
                ExclusiveStartKey = start,
            });
            items.AddRange((page.Items ?? []).Select(i => i.GetS(TableLayout.Pk)!));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }
}
