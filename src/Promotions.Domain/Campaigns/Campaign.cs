using System.Text.Json.Serialization;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;

namespace Promotions.Domain.Campaigns;

/// <summary>
/// A marketing campaign: a schedule, a money budget for the discounts its promotions give, an
/// optional target segment and a campaign type. <paramref name="Version"/> backs optimistic concurrency.
/// </summary>
/// <param name="Plan">The ordered stages the campaign runs through (docs/scheduling.md, "Plans"); null without one.</param>
/// <param name="Approval">The four-eyes approval the campaign needs before it is scheduled; null when it needs none.</param>
public sealed record Campaign(
    string Id,
    string Name,
    string? Description,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    LifecycleStatus Status,
    string? Owner,
    Budget? Budget,
    string? TargetSegmentId,
    string? CampaignTypeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version = 1,
    CampaignPlan? Plan = null,
    CampaignApproval? Approval = null)
{
    /// <summary>
    /// The stage of <see cref="Plan"/> the campaign is in: the last stage a plan step applied (a skipped stage leaves it
    /// as it was); null before any stage ran. Checkout records it on each redemption (docs/analytics.md, "Stages").
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CampaignStage? Stage { get; init; }
}

/// <summary>A discount budget in money: the most the campaign may give away.</summary>
/// <param name="Spent">
/// Deprecated: never updated by redemptions. What was spent lives in the redemption ledger's budget counter
/// (<see cref="Ports.IRedemptionLedger.GetUsageBatchAsync"/>); the member stays only until every store and
/// constructor has dropped it.
/// </param>
public sealed record Budget(decimal Amount, string Currency, decimal Spent = 0m)
{
    /// <summary>How the spend is paced over the campaign (docs/scheduling.md, "Budget pacing"); null: not paced.</summary>
    public BudgetPacing? Pacing { get; init; }
}
