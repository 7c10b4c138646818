using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Customers;
using Promotions.Domain.Promotions;
using Promotions.Domain.Segments;

namespace Promotions.LocalHost.Demo;

/// <summary>The demo catalog, as domain items ready to store.</summary>
internal sealed record DemoData(
    IReadOnlyList<CampaignType> CampaignTypes,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<Customer> Customers,
    IReadOnlyList<Campaign> Campaigns,
    IReadOnlyList<Promotion> Promotions,
    IReadOnlyList<PromoCode> Codes);
