using System.Text.Json;
using Promotions.Domain.Discounts;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers;
using Promotions.Domain.Promotions;

namespace Promotions.PromotionApi.Details;

/// <summary>
/// What a channel may know of a promotion: what it is, what it gives, when and where. No counters, limits,
/// budgets or rules: those are the Admin API's.
/// </summary>
public sealed record PromotionSummary(
    string Id,
    string CampaignId,
    string Name,
    string? Description,
    PromotionKind Kind,
    LifecycleStatus Status,
    EffectResponse Effect,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<string> Channels,
    int Priority)
{
    /// <summary>From a live promotion, whose effect is already parsed.</summary>
    internal static PromotionSummary From(LivePromotion live) => From(live.Promotion, live.Compiled.Effect);

    /// <summary>From a stored promotion (search results); its effect is parsed for the summary when it still parses.</summary>
    internal static PromotionSummary From(Promotion promotion) =>
        From(promotion, EffectParser.Parse(promotion.Effect) is { IsSuccess: true } parsed ? parsed.Value : null);

    private static PromotionSummary From(Promotion p, DiscountEffect? effect) => new(
        p.Id, p.CampaignId, p.Name, p.Description, p.Kind, p.Status,
        new EffectResponse(effect?.Type ?? TypeOf(p.Effect), effect is null ? null : EffectSummary.Describe(effect)),
        p.StartsAt, p.EndsAt, p.Channels, p.Priority);

    private static string TypeOf(JsonElement effect) =>
        effect.ValueKind == JsonValueKind.Object && effect.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : "unknown";
}

/// <summary>The effect of a promotion: its type (e.g. <c>percent_off</c>) and one line of plain English.</summary>
public sealed record EffectResponse(string Type, string? Summary);
