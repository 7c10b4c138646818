using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Plans;

/// <summary>The four-eyes rules of campaign approval, and their error codes.</summary>
internal static class ApprovalRules
{
    /// <summary>409: the campaign needs an approval it does not have (to be scheduled or activated).</summary>
    public const string ApprovalRequired = "approval_required";

    /// <summary>409: submit, approve or reject in the wrong approval state (or on a campaign that needs no approval).</summary>
    public const string ApprovalState = "approval_state";

    /// <summary>403: only an admin takes the approval requirement off (approving and rejecting have their own policy).</summary>
    public const string AdminOnly = "admin_only";

    /// <summary>403: the admin who decides is the one who submitted.</summary>
    public const string FourEyes = "four_eyes";

    /// <summary>Why a lifecycle move is refused by the approval, or null: scheduling and activating need an approved campaign.</summary>
    public static DomainError? Guard(Campaign campaign, LifecycleAction action) =>
        action is LifecycleAction.Schedule or LifecycleAction.Activate && !CampaignApproval.Allows(campaign.Approval)
            ? new DomainError(ApprovalRequired,
                "The campaign needs an admin's approval before it is scheduled or activated: submit it, then have an admin approve it.", "$.approval")
            : null;

    /// <summary>A 403 (the status of <see cref="AdminOnly"/> and <see cref="FourEyes"/>) with the code and message.</summary>
    public static ProblemHttpResult Forbidden(string code, string message) => Problems.From(new DomainError(code, message));
}
