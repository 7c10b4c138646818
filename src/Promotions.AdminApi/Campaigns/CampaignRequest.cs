namespace Promotions.AdminApi.Campaigns;

/// <summary>The editable fields of a campaign (create and full replace). Every field is checked by <see cref="CampaignValidation"/>.</summary>
internal sealed record CampaignRequest(
    string? Name = null,
    string? Description = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    string? Owner = null,
    BudgetRequest? Budget = null,
    string? TargetSegmentId = null,
    string? CampaignTypeId = null);

/// <summary>A discount budget: the most money the campaign's promotions may give away.</summary>
internal sealed record BudgetRequest(decimal? Amount = null, string? Currency = null, PacingBody? Pacing = null);
