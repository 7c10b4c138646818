namespace Promotions.Analytics.Reports;

/// <summary>
/// One stage's window and figures. The window is the plan's: <paramref name="RunsAt"/> when the stage is due,
/// <paramref name="StartedAt"/> when its step applied it (the campaign entered it), <paramref name="EndedAt"/> when the next
/// applied stage took over (null while it is the current stage). The figures count the redemptions recorded in the stage
/// (a reversal counts in the stage of the redemption it reverses, on the day it happened), one row per currency.
/// </summary>
/// <param name="Status"><c>pending</c>, <c>applied</c> or <c>skipped</c> in the current plan; <c>not_in_plan</c> for a stage of an
/// earlier plan revision that the current plan no longer has at that position and name.</param>
public sealed record StageFigures(
    int Index,
    string Name,
    string Status,
    DateTimeOffset? RunsAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<FigureRow> Totals);
