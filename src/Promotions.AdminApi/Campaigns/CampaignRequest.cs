namespace Promotions.AdminApi.Campaigns;

/// <summary>The editable fields of a campaign (create and full replace). Every field is checked by <see cref="CampaignValidation"/>.</summary>
/// <param name="RequiresApproval">Whether the campaign needs an admin's approval before it is scheduled; left out, it stays as it is.</param>
internal sealed record CampaignRequest(
    string? Name = null,
    string? Description = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    string? Owner = null,
    BudgetRequest? Budget = null,
    string? TargetSegmentId = null,
    string? CampaignTypeId = null,
    bool? RequiresApproval = null);

/// <summary>A discount budget: the most money the campaign's promotions may give away.</summary>
internal sealed record BudgetRequest(decimal? Amount = null, string? Currency = null, PacingBody? Pacing = null);
