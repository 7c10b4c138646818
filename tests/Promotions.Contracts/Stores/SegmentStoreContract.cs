using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Segments;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>The <see cref="ISegmentStore"/> contract; adapters supply the store.</summary>
public abstract class SegmentStoreContract : VersionedStoreContract<Segment>
{
    protected ISegmentStore Store { get; private set; } = null!;

    protected abstract Task<ISegmentStore> CreateStoreAsync();

    public override async Task InitializeAsync() => Store = await CreateStoreAsync();

    protected override bool ListIsScoped => false;

    protected override Segment NewItem() => new(Ids.New("seg", Clock), "VIP", "Gold tier customers", Samples.TrickyJson);

    protected override Segment Changed(Segment item) =>
        item with { Criteria = Json.Parse("""{"fact":"history.order_count","op":"gte","value":5}""") };

    protected override string IdOf(Segment item) => item.Id;

    protected override long VersionOf(Segment item) => item.Version;

    protected override Task<Segment?> GetAsync(string id) => Store.GetAsync(id, default);

    protected override Task<WriteResult<Segment>> CreateAsync(Segment item) => Store.CreateAsync(item, default);

    protected override Task<WriteResult<Segment>> UpdateAsync(Segment item, long expectedVersion) =>
        Store.UpdateAsync(item, expectedVersion, default);

    protected override Task<WriteStatus> DeleteAsync(string id, long expectedVersion) => Store.DeleteAsync(id, expectedVersion, default);

    protected override Task<Page<Segment>> ListAsync(ListQuery page) => Store.ListAsync(page, default);

    [Fact]
    public async Task Create_KeepsCriteriaJsonExactly()
    {
        var segment = NewItem();
        await Store.CreateAsync(segment, default);

        Samples.AssertTrickyJson((await Store.GetAsync(segment.Id, default))!.Criteria);
    }

    [Fact]
    public async Task ListAll_ReturnsEverySegmentWithItsCriteria()
    {
        var withCriteria = NewItem();
        var byIdOnly = NewItem() with { Criteria = null };
        await Store.CreateAsync(withCriteria, default);
        await Store.CreateAsync(byIdOnly, default);

        var all = await Store.ListAllAsync(default);

        Samples.AssertTrickyJson(Assert.Single(all, s => s.Id == withCriteria.Id).Criteria);
        Assert.Null(Assert.Single(all, s => s.Id == byIdOnly.Id).Criteria);
        Assert.Equal(all.Select(s => s.Id).Order(StringComparer.Ordinal), all.Select(s => s.Id));
    }
}
