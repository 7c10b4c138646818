using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Scheduling;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Catalog;

/// <summary>
/// Campaigns on DynamoDB (<c>CAMPAIGN#&lt;id&gt;</c>), listed by id and filtered by status, type, owner and a name
/// search (<c>contains</c> on <c>nameSearch</c>, the name in <see cref="CampaignFilter.SearchForm"/>; items written
/// before the attribute existed gain it on their next write). A campaign with a step ahead of it by its dates is also in
/// the schedule's index (<see cref="DueIndex"/>).
/// </summary>
internal sealed class DynamoDbCampaignStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options) : ICampaignStore
{
    /// <summary>How a campaign is kept: <c>CAMPAIGN#&lt;id&gt;</c>, listed under <c>CAMPAIGNS</c> (the plan store writes it too).</summary>
    internal static readonly ItemSchema<Campaign> Schema = new(
        "CAMPAIGN#",
        "CAMPAIGNS",
        DocumentJson.Default.Campaign,
        c => c.Id,
        c => c.Version,
        (c, version) => c with { Version = version },
        c =>
        [
            new("status", Attr.S(c.Status.ToString())),
            new("campaignTypeId", c.CampaignTypeId is { } type ? Attr.S(type) : null),
            new("owner", c.Owner is { } owner ? Attr.S(owner) : null),
            new("nameSearch", Attr.S(CampaignFilter.SearchForm(c.Name))),
            .. DueIndex.Of(c),
        ]);

    private readonly VersionedItems<Campaign> _items = new(dynamo, options.Value.Table, Schema);

    public Task<Campaign?> GetAsync(string id, CancellationToken ct) => _items.GetAsync(id, ct);

    public async Task<IReadOnlyList<Campaign>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct) =>
        await _items.GetManyAsync(ids, ct);

    public Task<Page<Campaign>> ListAsync(CampaignFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new ItemFilter()
            .Equal("status", filter.Status?.ToString())
            .Equal("campaignTypeId", filter.CampaignTypeId)
            .Equal("owner", filter.Owner)
            .Contains("nameSearch", filter.NameContains);
        return _items.ListAsync(where, page, ct);
    }

    public Task<WriteResult<Campaign>> CreateAsync(Campaign campaign, CancellationToken ct) => _items.CreateAsync(campaign, [], ct);

    public Task<WriteResult<Campaign>> UpdateAsync(Campaign campaign, long expectedVersion, CancellationToken ct) =>
        _items.UpdateAsync(campaign, expectedVersion, [], ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) => _items.DeleteAsync(id, expectedVersion, [], ct);
}
