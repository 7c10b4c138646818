using Promotions.AdminApi.Common;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;

namespace Promotions.AdminApi.Lifecycle;

/// <summary>What campaigns and promotions share about lifecycle calls and deletion.</summary>
internal static class LifecycleRules
{
    /// <summary>Error code of a delete refused because the item has run (or is running).</summary>
    public const string NotDeletable = "not_deletable";

    /// <summary>Error code of an edit refused because the item has ended or is archived.</summary>
    public const string NotEditable = "not_editable";

    /// <summary>Error code of an activation or scheduling after the item's own end date.</summary>
    public const string WindowEnded = "window_ended";

    /// <summary>Error code of scheduling a campaign that has no start date.</summary>
    public const string StartRequired = "start_required";

    /// <summary>Error code of a promotion move its campaign's status does not allow.</summary>
    public const string CampaignNotReady = "campaign_not_ready";

    /// <summary>Error code of a code operation on an automatic promotion.</summary>
    public const string NotCodePromotion = "not_code_promotion";

    public static Result<LifecycleAction> ParseAction(LifecycleRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<DomainError>();
        if (string.IsNullOrEmpty(body.Action))
        {
            return new DomainError("required", $"An action is required: {Allowed()}.", "$.action");
        }

        var action = QueryValues.Enum<LifecycleAction>(body.Action, "$.action", errors);
        return action is { } a ? a : Result<LifecycleAction>.Fail(errors);
    }

    /// <summary>Only work that never ran (draft) or has been put away (archived) may be deleted; the rest is history.</summary>
    public static bool IsDeletable(LifecycleStatus status) => status is LifecycleStatus.Draft or LifecycleStatus.Archived;

    /// <summary>Scheduling or activating after the end date would make an item live that can never be offered.</summary>
    public static DomainError? CheckWindow(LifecycleAction action, DateTimeOffset? endsAt, DateTimeOffset now, string what) =>
        action is LifecycleAction.Schedule or LifecycleAction.Activate && endsAt <= now
            ? new DomainError(WindowEnded, $"The {what} ended at {endsAt:O}; change its end date before you {QueryValues.Wire(action)} it.", "$.endsAt")
            : null;

    /// <summary>
    /// The status after <paramref name="body"/>'s action: the shared state machine, then the end-date guard.
    /// </summary>
    public static Result<LifecycleStatus> Next(LifecycleRequest body, LifecycleStatus current, DateTimeOffset? endsAt, DateTimeOffset now, string what)
    {
        var action = ParseAction(body);
        if (!action.IsSuccess)
        {
            return Result<LifecycleStatus>.Fail(action.Errors);
        }

        var next = LifecycleMachine.Apply(current, action.Value);
        return next.IsSuccess && CheckWindow(action.Value, endsAt, now, what) is { } ended ? ended : next;
    }

    /// <summary>The item's status as its wire name.</summary>
    public static DomainError NotEditableError(LifecycleStatus status, string what) =>
        new(NotEditable, $"A {what} that is {QueryValues.Wire(status)} cannot be changed.");

    /// <summary>Why an item in <paramref name="status"/> may not be deleted, or null.</summary>
    public static DomainError? DeleteGuard(LifecycleStatus status, string what) =>
        IsDeletable(status)
            ? null
            : new DomainError(NotDeletable, $"Only draft or archived {what}s can be deleted; this one is {QueryValues.Wire(status)}.");

    private static string Allowed() => string.Join(", ", Enum.GetValues<LifecycleAction>().Select(QueryValues.Wire));
}
