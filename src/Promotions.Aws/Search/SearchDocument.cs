using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Aws.Search;

/// <summary>What the search keeps of a promotion: its text and the fields its filters read.</summary>
internal sealed record SearchDocument(
    string Id,
    string CampaignId,
    string Name,
    string? Description,
    LifecycleStatus Status,
    PromotionKind Kind,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<string> Channels)
{
    public static SearchDocument From(Promotion promotion)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        return new(promotion.Id, promotion.CampaignId, promotion.Name, promotion.Description, promotion.Status, promotion.Kind,
            promotion.StartsAt, promotion.EndsAt, promotion.Channels);
    }
}
