namespace Promotions.Domain.Analytics;

/// <summary>A promotion belongs to a campaign, learnt from its catalog events; code counts roll up through it.</summary>
public sealed record PromotionLink(string PromotionId, string CampaignId);
