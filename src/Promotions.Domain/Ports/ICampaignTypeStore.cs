using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;

namespace Promotions.Domain.Ports;

/// <summary>Campaign types.</summary>
public interface ICampaignTypeStore
{
    Task<CampaignType?> GetAsync(string id, CancellationToken ct);

    Task<Page<CampaignType>> ListAsync(ListQuery page, CancellationToken ct);

    Task<WriteResult<CampaignType>> CreateAsync(CampaignType campaignType, CancellationToken ct);

    Task<WriteResult<CampaignType>> UpdateAsync(CampaignType campaignType, long expectedVersion, CancellationToken ct);

    Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct);
}
