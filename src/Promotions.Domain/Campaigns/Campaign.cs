using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Campaigns;

/// <summary>
/// A marketing campaign: a schedule, a money budget for the discounts its promotions give, an
/// optional target segment and a campaign type. <paramref name="Version"/> backs optimistic concurrency.
/// </summary>
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
    long Version = 1);

/// <summary>A discount budget in money: the most the campaign may give away, and how much it has.</summary>
public sealed record Budget(decimal Amount, string Currency, decimal Spent = 0m)
{
    public decimal Remaining => Amount - Spent;
}
