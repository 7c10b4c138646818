namespace Promotions.AdminApi.CampaignTypes;

/// <summary>The editable fields of a campaign type.</summary>
internal sealed record CampaignTypeRequest(string? Name = null, string? Description = null);
