using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>The <see cref="ICustomerStore"/> contract; adapters supply the store.</summary>
public abstract class CustomerStoreContract : VersionedStoreContract<Customer>
{
    protected ICustomerStore Store { get; private set; } = null!;

    protected abstract Task<ICustomerStore> CreateStoreAsync();

    public override async Task InitializeAsync() => Store = await CreateStoreAsync();

    protected override Customer NewItem()
    {
        var id = Ids.New("cus", Clock);
        return new Customer(
            id,
            $"{id}@Example.COM",
            "Zoë O'Brien",
            Samples.TrickyJson,
            [Scope, "seg_vip"],
            Clock.GetUtcNow(),
            Samples.OddInstant,
            new PurchaseHistory(3, 149.99m, Samples.OddInstant, [new PurchasedItem("SKU-1", "shoes", Samples.OddInstant)]),
            new Location("FR", "IDF", "Paris", "75001", "store-12", 48.8566, 2.3522));
    }

    protected override Customer Changed(Customer item) =>
        item with { Name = "Renamed", Attributes = null, Location = null, History = PurchaseHistory.None };

    protected override string IdOf(Customer item) => item.Id;

    protected override long VersionOf(Customer item) => item.Version;

    protected override Task<Customer?> GetAsync(string id) => Store.GetAsync(id, default);

    protected override Task<WriteResult<Customer>> CreateAsync(Customer item) => Store.CreateAsync(item, default);

    protected override Task<WriteResult<Customer>> UpdateAsync(Customer item, long expectedVersion) =>
        Store.UpdateAsync(item, expectedVersion, default);

    protected override Task<WriteStatus> DeleteAsync(string id, long expectedVersion) => Store.DeleteAsync(id, expectedVersion, default);

    protected override Task<Page<Customer>> ListAsync(ListQuery page) => Store.ListAsync(new CustomerFilter(Scope), page, default);

    [Fact]
    public async Task Create_KeepsAttributesJsonExactly()
    {
        var customer = NewItem();
        await Store.CreateAsync(customer, default);

        Samples.AssertTrickyJson((await Store.GetAsync(customer.Id, default))!.Attributes);
    }

    [Fact]
    public async Task GetProfile_IsTheStoredCustomersProfile()
    {
        var customer = NewItem();
        await Store.CreateAsync(customer, default);

        var profile = await Store.GetProfileAsync(customer.Id, default);

        Json.AssertSame(CustomerProfile.From(customer), profile);
        Assert.Null(await Store.GetProfileAsync("cus_missing_" + Scope, default));
    }

    [Fact]
    public async Task FindByEmail_IgnoresCase()
    {
        var customer = NewItem();
        await Store.CreateAsync(customer, default);

        var found = await Store.FindByEmailAsync(customer.Email!.ToUpperInvariant(), default);

        Assert.Equal(customer.Id, found?.Id);
        Assert.Null(await Store.FindByEmailAsync("nobody-" + Scope + "@example.com", default));
    }

    [Fact]
    public async Task FindByEmail_AfterEmailChange_FindsTheNewAddressOnly()
    {
        var customer = NewItem();
        await Store.CreateAsync(customer, default);

        await Store.UpdateAsync(customer with { Email = "new-" + customer.Email }, 1, default);

        Assert.Null(await Store.FindByEmailAsync(customer.Email!, default));
        Assert.Equal(customer.Id, (await Store.FindByEmailAsync("NEW-" + customer.Email, default))?.Id);
    }

    [Fact]
    public async Task Create_WhenEmailTakenInAnotherCase_ReturnsDuplicate()
    {
        var first = NewItem();
        await Store.CreateAsync(first, default);

        var second = await Store.CreateAsync(NewItem() with { Email = first.Email!.ToLowerInvariant() }, default);

        Assert.Equal(WriteStatus.Duplicate, second.Status);
    }

    [Fact]
    public async Task Update_WhenEmailTaken_ReturnsDuplicateAndChangesNothing()
    {
        var first = NewItem();
        var second = NewItem();
        await Store.CreateAsync(first, default);
        await Store.CreateAsync(second, default);

        var result = await Store.UpdateAsync(second with { Email = first.Email }, 1, default);

        Assert.Equal(WriteStatus.Duplicate, result.Status);
        Assert.Equal(second.Email, (await Store.GetAsync(second.Id, default))!.Email);
    }

    [Fact]
    public async Task List_BySegment_FollowsSegmentChanges()
    {
        var stays = NewItem();
        var leaves = NewItem();
        await Store.CreateAsync(stays, default);
        await Store.CreateAsync(leaves, default);

        await Store.UpdateAsync(leaves with { SegmentIds = ["seg_other"] }, 1, default);
        var members = await Store.ListAsync(new CustomerFilter(Scope), new ListQuery(), default);

        Assert.Equal(stays.Id, Assert.Single(members.Items).Id);
    }

    [Fact]
    public async Task Create_WithoutEmail_IsAllowedForSeveralCustomers()
    {
        var first = await Store.CreateAsync(NewItem() with { Email = null }, default);
        var second = await Store.CreateAsync(NewItem() with { Email = null }, default);

        Assert.Equal(WriteStatus.Written, first.Status);
        Assert.Equal(WriteStatus.Written, second.Status);
    }
}
