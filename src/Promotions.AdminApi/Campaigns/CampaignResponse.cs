using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;

namespace Promotions.AdminApi.Campaigns;

/// <summary>A campaign as the Admin API shows it; <c>planRevision</c> names its plan's revision (<c>GET …/plan</c> shows the plan).</summary>
internal sealed record CampaignResponse(
    string Id,
    string Name,
    string? Description,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    LifecycleStatus Status,
    string? Owner,
    BudgetResponse? Budget,
    string? TargetSegmentId,
    string? CampaignTypeId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    CampaignApproval? Approval = null,
    long? PlanRevision = null)
{
    public static CampaignResponse From(Campaign c) => new(
        c.Id, c.Name, c.Description, c.StartsAt, c.EndsAt, c.Status, c.Owner,
        c.Budget is { } b ? new BudgetResponse(b.Amount, b.Currency) { Pacing = PacingBody.From(b.Pacing) } : null,
        c.TargetSegmentId, c.CampaignTypeId, c.CreatedAt, c.UpdatedAt, c.Version, c.Approval, c.Plan?.Revision);
}

/// <summary>
/// A budget as configured. What was spent of it is not part of the versioned campaign: the ledger's budget counter
/// holds it, and Analytics reports its burn.
/// </summary>
internal sealed record BudgetResponse(decimal Amount, string Currency)
{
    /// <summary>How the spend is paced; absent when it is not.</summary>
    public PacingBody? Pacing { get; init; }
}
