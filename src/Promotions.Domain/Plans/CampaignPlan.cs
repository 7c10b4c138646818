namespace Promotions.Domain.Plans;

/// <summary>
/// A campaign's ordered plan of stages. <paramref name="Revision"/> is the campaign version the plan was written at:
/// a new plan (or a changed one) is a new revision, whose steps run from the first again, and the steps of an older
/// revision are never applied once it is replaced.
/// </summary>
public sealed record CampaignPlan(IReadOnlyList<PlanStage> Stages, long Revision)
{
    /// <summary>The most stages a plan may hold (docs/scheduling.md, "Limits").</summary>
    public const int MaxStages = 50;

    /// <summary>The most changes one stage may make.</summary>
    public const int MaxChanges = 20;

    /// <summary>How long a plan may run, first stage to last: a Step Functions Standard execution lasts a year at most.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(365);
}
