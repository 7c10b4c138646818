using System.Collections.Frozen;
using Promotions.Domain.Common;

namespace Promotions.Domain.Lifecycle;

/// <summary>
/// The one state machine shared by campaigns and promotions:
/// draft → scheduled → active ⇄ paused → ended → archived, with draft → active directly,
/// scheduled/paused → ended, and draft → archived for work abandoned before it ran.
/// An illegal move is a typed error, never a silent no-op.
/// </summary>
public static class LifecycleMachine
{
    /// <summary>Error code of an illegal transition.</summary>
    public const string IllegalTransitionCode = "illegal_transition";

    private static readonly FrozenDictionary<(LifecycleStatus From, LifecycleAction Action), LifecycleStatus> Moves =
        new Dictionary<(LifecycleStatus, LifecycleAction), LifecycleStatus>
        {
            [(LifecycleStatus.Draft, LifecycleAction.Schedule)] = LifecycleStatus.Scheduled,
            [(LifecycleStatus.Draft, LifecycleAction.Activate)] = LifecycleStatus.Active,
            [(LifecycleStatus.Draft, LifecycleAction.Archive)] = LifecycleStatus.Archived,
            [(LifecycleStatus.Scheduled, LifecycleAction.Activate)] = LifecycleStatus.Active,
            [(LifecycleStatus.Scheduled, LifecycleAction.End)] = LifecycleStatus.Ended,
            [(LifecycleStatus.Active, LifecycleAction.Pause)] = LifecycleStatus.Paused,
            [(LifecycleStatus.Active, LifecycleAction.End)] = LifecycleStatus.Ended,
            [(LifecycleStatus.Paused, LifecycleAction.Activate)] = LifecycleStatus.Active,
            [(LifecycleStatus.Paused, LifecycleAction.End)] = LifecycleStatus.Ended,
            [(LifecycleStatus.Ended, LifecycleAction.Archive)] = LifecycleStatus.Archived,
        }.ToFrozenDictionary();

    /// <summary>The status after <paramref name="action"/>, or an <c>illegal_transition</c> error naming the allowed actions.</summary>
    public static Result<LifecycleStatus> Apply(LifecycleStatus from, LifecycleAction action)
    {
        if (Moves.TryGetValue((from, action), out var to))
        {
            return to;
        }

        var allowed = AllowedActions(from);
        var allowedText = allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(Wire));
        return new DomainError(
            IllegalTransitionCode,
            $"Cannot {Wire(action)} from status '{Wire(from)}'. Allowed actions: {allowedText}.",
            "$.action");
    }

    /// <summary>The actions legal from <paramref name="from"/>, in declaration order.</summary>
    public static IReadOnlyList<LifecycleAction> AllowedActions(LifecycleStatus from) =>
        Enum.GetValues<LifecycleAction>().Where(a => Moves.ContainsKey((from, a))).ToArray();

    /// <summary>True in the statuses whose promotions may be offered, quoted and redeemed.</summary>
    public static bool IsLive(LifecycleStatus status) => status == LifecycleStatus.Active;

    /// <summary>True where configuration may still be edited freely (rules, effect, codes pattern).</summary>
    public static bool IsEditable(LifecycleStatus status) =>
        status is LifecycleStatus.Draft or LifecycleStatus.Scheduled or LifecycleStatus.Paused or LifecycleStatus.Active;

    private static string Wire(LifecycleStatus s) => s.ToString().ToLowerInvariant();

    private static string Wire(LifecycleAction a) => a.ToString().ToLowerInvariant();
}
