using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Contracts.Stores;

/// <summary>The <see cref="ICampaignTypeStore"/> contract; adapters supply the store.</summary>
public abstract class CampaignTypeStoreContract : VersionedStoreContract<CampaignType>
{
    protected ICampaignTypeStore Store { get; private set; } = null!;

    protected abstract Task<ICampaignTypeStore> CreateStoreAsync();

    public override async Task InitializeAsync() => Store = await CreateStoreAsync();

    protected override bool ListIsScoped => false;

    protected override CampaignType NewItem() => new(Ids.New("cty", Clock), "Seasonal", "Campaigns tied to a season");

    protected override CampaignType Changed(CampaignType item) => item with { Name = "Loyalty", Description = null };

    protected override string IdOf(CampaignType item) => item.Id;

    protected override long VersionOf(CampaignType item) => item.Version;

    protected override Task<CampaignType?> GetAsync(string id) => Store.GetAsync(id, default);

    protected override Task<WriteResult<CampaignType>> CreateAsync(CampaignType item) => Store.CreateAsync(item, default);

    protected override Task<WriteResult<CampaignType>> UpdateAsync(CampaignType item, long expectedVersion) =>
        Store.UpdateAsync(item, expectedVersion, default);

    protected override Task<WriteStatus> DeleteAsync(string id, long expectedVersion) => Store.DeleteAsync(id, expectedVersion, default);

    protected override Task<Page<CampaignType>> ListAsync(ListQuery page) => Store.ListAsync(page, default);
}
