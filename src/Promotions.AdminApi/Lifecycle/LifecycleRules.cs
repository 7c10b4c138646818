using Promotions.AdminApi.Common;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;

namespace Promotions.AdminApi.Lifecycle;

/// <summary>
/// What campaigns and promotions share about lifecycle calls and deletion; the moves themselves and their guards are the
/// domain's (<see cref="LifecycleGuards"/>), shared with the schedule.
/// </summary>
internal static class LifecycleRules
{
    /// <summary>Error code of a delete refused because the item has run (or is running).</summary>
    public const string NotDeletable = "not_deletable";

    /// <summary>Error code of an edit refused because the item has ended or is archived.</summary>
    public const string NotEditable = "not_editable";

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
