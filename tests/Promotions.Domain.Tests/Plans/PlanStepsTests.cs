using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;

namespace Promotions.Domain.Tests.Plans;

public sealed class PlanStepsTests
{
    private static readonly DateTimeOffset Start = PlanSamples.Start;

    [Fact]
    public void Times_ResolveOffsetsFromTheStageAhead()
    {
        var times = PlanSteps.Times(PlanSamples.ThreeStages(), Start);

        Assert.Equal([Start, Start.AddDays(2), Start.AddDays(9)], times);
    }

    [Theory]
    [InlineData(-1, new int[0], null)]
    [InlineData(0, new int[0], 0)]
    [InlineData(47, new int[0], 0)]
    [InlineData(47, new[] { 0 }, null)]
    [InlineData(48, new[] { 0 }, 1)]
    [InlineData(24 * 9, new[] { 0 }, 1)]
    [InlineData(24 * 9, new[] { 0, 1 }, 2)]
    [InlineData(24 * 9, new[] { 0, 1, 2 }, null)]
    public void Next_RunsTheFirstStageNotRunOnceItsTimeCame(int hoursAfterStart, int[] ran, int? expected)
    {
        var step = PlanSteps.Next(PlanSamples.Campaign(), ran.ToHashSet(), Start.AddHours(hoursAfterStart), PlanFacts.None);

        Assert.Equal(expected, step?.Index);
    }

    [Theory]
    [InlineData(LifecycleStatus.Draft, false)]
    [InlineData(LifecycleStatus.Scheduled, true)]
    [InlineData(LifecycleStatus.Active, true)]
    [InlineData(LifecycleStatus.Paused, true)]
    [InlineData(LifecycleStatus.Ended, false)]
    [InlineData(LifecycleStatus.Archived, false)]
    public void Next_RunsOnlyWhileTheCampaignIsReleased(LifecycleStatus status, bool runs)
    {
        var step = PlanSteps.Next(PlanSamples.Campaign(status), new HashSet<int>(), Start.AddDays(30), PlanFacts.None);

        Assert.Equal(runs, step is not null);
    }

    [Theory]
    [InlineData(ApprovalStatus.None, false)]
    [InlineData(ApprovalStatus.Pending, false)]
    [InlineData(ApprovalStatus.Rejected, false)]
    [InlineData(ApprovalStatus.Approved, true)]
    public void Next_WhenApprovalIsRequired_WaitsForIt(ApprovalStatus status, bool runs)
    {
        var campaign = PlanSamples.Campaign(approval: new CampaignApproval(true, status));

        Assert.Equal(runs, PlanSteps.Next(campaign, new HashSet<int>(), Start, PlanFacts.None) is not null);
    }

    [Theory]
    [InlineData(null, StepOutcome.Applied)]
    [InlineData("0.89", StepOutcome.Applied)]
    [InlineData("0.9", StepOutcome.Skipped)]
    [InlineData("1", StepOutcome.Skipped)]
    public void Next_WhenTheSkipConditionHolds_SkipsTheStage(string? spentShare, StepOutcome expected)
    {
        var facts = new PlanFacts(spentShare is null ? null : decimal.Parse(spentShare, System.Globalization.CultureInfo.InvariantCulture));

        var step = PlanSteps.Next(PlanSamples.Campaign(), new HashSet<int> { 0, 1 }, Start.AddDays(9), facts);

        Assert.Equal((2, expected), (step!.Index, step.Outcome));
    }
}
