namespace Promotions.Domain.Plans;

/// <summary>
/// A campaign's approval. When <paramref name="Required"/>, the campaign cannot be scheduled or activated, and its plan
/// does not run, until an admin other than the one who submitted it approved it.
/// </summary>
public sealed record CampaignApproval(
    bool Required,
    ApprovalStatus Status = ApprovalStatus.None,
    string? SubmittedBy = null,
    DateTimeOffset? SubmittedAt = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null,
    string? Reason = null)
{
    /// <summary>True when nothing holds the campaign back: no approval needed, or approved.</summary>
    public static bool Allows(CampaignApproval? approval) => approval is not { Required: true } || approval.Status == ApprovalStatus.Approved;
}
