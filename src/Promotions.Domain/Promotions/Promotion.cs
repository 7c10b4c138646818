using System.Text.Json;
using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Promotions;

/// <summary>
/// A promotion of a campaign. <paramref name="Effect"/> is the discount configuration (validated
/// JSON, see the discount engine); <paramref name="Rules"/> hold the eligibility conditions.
/// </summary>
/// <param name="CurrentRedemptions">
/// Deprecated: never updated and read by nothing. Usage lives in the redemption ledger's counters
/// (<see cref="Ports.IRedemptionLedger.GetUsageBatchAsync"/>); the member stays only until every store and
/// constructor has dropped it.
/// </param>
public sealed record Promotion(
    string Id,
    string CampaignId,
    string Name,
    string? Description,
    PromotionKind Kind,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    LifecycleStatus Status,
    JsonElement Effect,
    IReadOnlyList<Rule> Rules,
    IReadOnlyList<string> Channels,
    int Priority,
    Stacking Stacking,
    int? MaxRedemptions,
    int CurrentRedemptions,
    int? PerCustomerLimit,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version = 1)
{
    /// <summary>Limits of redemptions per day or week, over every customer or per customer; empty: none.</summary>
    public IReadOnlyList<PeriodLimit> PeriodLimits { get; init; } = [];

    /// <summary>
    /// True while the promotion is paused by its campaign's budget pacing (not by a marketer), so pacing resumes only
    /// what it paused; any lifecycle move of a marketer clears it.
    /// </summary>
    public bool Paced { get; init; }
}

/// <summary>How a promotion combines with others in one cart.</summary>
/// <param name="Exclusive">When applied, no promotion of lower priority applies after it.</param>
/// <param name="Group">Promotions in the same group compete: only the best one of a group applies.</param>
public sealed record Stacking(bool Exclusive = false, string? Group = null)
{
    public static Stacking Default { get; } = new();
}
