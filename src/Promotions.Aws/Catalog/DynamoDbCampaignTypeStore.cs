using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Catalog;

/// <summary>Campaign types on DynamoDB (<c>CAMPAIGNTYPE#&lt;id&gt;</c>).</summary>
internal sealed class DynamoDbCampaignTypeStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options) : ICampaignTypeStore
{
    private readonly VersionedItems<CampaignType> _items = new(dynamo, options.Value.Table, new ItemSchema<CampaignType>(
        "CAMPAIGNTYPE#", "CAMPAIGNTYPES", DocumentJson.Default.CampaignType, t => t.Id, t => t.Version, (t, version) => t with { Version = version }));

    public Task<CampaignType?> GetAsync(string id, CancellationToken ct) => _items.GetAsync(id, ct);

    public Task<Page<CampaignType>> ListAsync(ListQuery page, CancellationToken ct) => _items.ListAsync(ItemFilter.None, page, ct);

    public Task<WriteResult<CampaignType>> CreateAsync(CampaignType campaignType, CancellationToken ct) => _items.CreateAsync(campaignType, [], ct);

    public Task<WriteResult<CampaignType>> UpdateAsync(CampaignType campaignType, long expectedVersion, CancellationToken ct) =>
        _items.UpdateAsync(campaignType, expectedVersion, [], ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) => _items.DeleteAsync(id, expectedVersion, [], ct);
}
