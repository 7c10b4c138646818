namespace Promotions.Domain.Campaigns;

/// <summary>A marketer-defined kind of campaign (e.g. "seasonal", "loyalty", "win-back").</summary>
public sealed record CampaignType(string Id, string Name, string? Description, long Version = 1);
