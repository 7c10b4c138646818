using Promotions.Domain.Campaigns;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Offers;

/// <summary>A promotion that may be offered now: its current record, its running campaign and its compiled form.</summary>
public sealed record LivePromotion(Promotion Promotion, Campaign Campaign, CompiledPromotion Compiled)
{
    public string Id => Promotion.Id;
}
