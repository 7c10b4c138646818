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

    public static Result<LifecycleAction> ParseAction(LifecycleRequest body)
    {
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

    private static string Allowed() => string.Join(", ", Enum.GetValues<LifecycleAction>().Select(QueryValues.Wire));
}
