using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Campaigns;

/// <summary>Campaign types in SQLite.</summary>
internal sealed class SqliteCampaignTypeStore(SqliteDatabase database) : ICampaignTypeStore
{
    private readonly DocumentTable<CampaignType> _table = new(database, new DocumentSchema<CampaignType>(
        "campaign_types", DocumentJson.Default.CampaignType, t => t.Id, (t, version) => t with { Version = version }, []));

    public Task<CampaignType?> GetAsync(string id, CancellationToken ct) => _table.GetAsync(id, ct);

    public Task<Page<CampaignType>> ListAsync(ListQuery page, CancellationToken ct) => _table.ListAsync(new SqlConditions(), page, ct);

    public Task<WriteResult<CampaignType>> CreateAsync(CampaignType campaignType, CancellationToken ct) =>
        _table.CreateAsync(campaignType, ct);

    public Task<WriteResult<CampaignType>> UpdateAsync(CampaignType campaignType, long expectedVersion, CancellationToken ct) =>
        _table.UpdateAsync(campaignType, expectedVersion, ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) =>
        _table.DeleteAsync(id, expectedVersion, ct);
}
