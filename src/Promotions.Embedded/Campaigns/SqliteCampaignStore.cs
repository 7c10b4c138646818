using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Campaigns;

/// <summary>
/// Campaigns in SQLite, filterable by status, campaign type, owner and a name search (a substring of the document's
/// name in lower case: SQLite's <c>lower</c> folds ASCII letters only, so other letters match as typed).
/// </summary>
internal sealed class SqliteCampaignStore(SqliteDatabase database) : ICampaignStore
{
    private readonly DocumentTable<Campaign> _table = new(database, Schema);

    /// <summary>The table's layout, shared with the plan store, which writes a campaign inside a step's transaction.</summary>
    internal static DocumentSchema<Campaign> Schema { get; } = new(
        "campaigns",
        DocumentJson.Default.Campaign,
        c => c.Id,
        (c, version) => c with { Version = version },
        [
            new("status", c => c.Status.ToString()),
            new("campaign_type_id", c => c.CampaignTypeId),
            new("owner", c => c.Owner),
        ]);

    public Task<Campaign?> GetAsync(string id, CancellationToken ct) => _table.GetAsync(id, ct);

    public async Task<IReadOnlyList<Campaign>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        await _table.GetManyAsync(ids, ct);

    public Task<Page<Campaign>> ListAsync(CampaignFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new SqlConditions()
            .Equal("status", filter.Status?.ToString())
            .Equal("campaign_type_id", filter.CampaignTypeId)
            .Equal("owner", filter.Owner)
            .Add("instr(lower(json_extract(doc, '$.name')), {0}) > 0", filter.NameContains);
        return _table.ListAsync(where, page, ct);
    }

    public Task<WriteResult<Campaign>> CreateAsync(Campaign campaign, CancellationToken ct) => _table.CreateAsync(campaign, ct);

    public Task<WriteResult<Campaign>> UpdateAsync(Campaign campaign, long expectedVersion, CancellationToken ct) =>
        _table.UpdateAsync(campaign, expectedVersion, ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) =>
        _table.DeleteAsync(id, expectedVersion, ct);
}
