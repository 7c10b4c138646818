using Promotions.Domain.Campaigns;

namespace Promotions.AdminApi.CampaignTypes;

/// <summary>A campaign type as the Admin API shows it.</summary>
internal sealed record CampaignTypeResponse(string Id, string Name, string? Description, long Version)
{
    public static CampaignTypeResponse From(CampaignType t) => new(t.Id, t.Name, t.Description, t.Version);
}
