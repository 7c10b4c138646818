using System.Text.Json;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.AdminApi.Promotions;

/// <summary>
/// A promotion as the Admin API shows it: its configuration, under its version. Usage is not part of it (it
/// changes with every redemption, without a new version): the ledger's counters hold it.
/// </summary>
internal sealed record PromotionResponse(
    string Id,
    string CampaignId,
    string Name,
    string? Description,
    PromotionKind Kind,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    LifecycleStatus Status,
    JsonElement Effect,
    IReadOnlyList<RuleResponse> Rules,
    IReadOnlyList<string> Channels,
    int Priority,
    StackingBody Stacking,
    int? MaxRedemptions,
    int? PerCustomerLimit,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>Limits of redemptions per day or week; empty when none.</summary>
    public IReadOnlyList<PeriodLimitBody> PeriodLimits { get; init; } = [];

    /// <summary>True while the promotion is paused by its campaign's budget pacing (not by a marketer).</summary>
    public bool Paced { get; init; }

    public static PromotionResponse From(Promotion p) => new(
        p.Id, p.CampaignId, p.Name, p.Description, p.Kind, p.StartsAt, p.EndsAt, p.Status, p.Effect,
        [.. p.Rules.Select(r => new RuleResponse(r.Id, r.RuleType, r.Condition, r.Priority))],
        p.Channels, p.Priority, new StackingBody(p.Stacking.Exclusive, p.Stacking.Group),
        p.MaxRedemptions, p.PerCustomerLimit, p.CreatedAt, p.UpdatedAt, p.Version)
    {
        PeriodLimits = [.. p.PeriodLimits.Select(static l => new PeriodLimitBody(l.Period, l.Max, l.PerCustomer))],
        Paced = p.Paced,
    };
}

/// <summary>A stored rule.</summary>
internal sealed record RuleResponse(string Id, string RuleType, JsonElement Condition, int Priority);
