using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Tests.Scheduling;

/// <summary>Budget pacing as a pure function of the campaign, its spend and the instant.</summary>
public sealed class PaceTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0, PaceState.Behind)]
    [InlineData(0, 100, PaceState.OnPace)]
    [InlineData(0, 100.01, PaceState.Ahead)]
    [InlineData(1, 100, PaceState.Behind)]
    [InlineData(1, 150, PaceState.OnPace)]
    [InlineData(1, 200.01, PaceState.Ahead)]
    [InlineData(10, 1000, PaceState.Behind)]
    [InlineData(12, 1000, PaceState.Behind)]
    public void Decide_Even_IsAheadPastTheLinePlusToleranceAndBehindAtTheLine(double days, decimal spent, PaceState expected)
    {
        var campaign = Campaign(new BudgetPacing(PacingMode.Even, Tolerance: 0.1m));

        var decision = Pace.Decide(campaign, spent, Start.AddDays(days))!;

        Assert.Equal(expected, decision.State);
        Assert.Equal(Math.Min(1000m, 100m * (decimal)days), decision.Line);
    }

    [Theory]
    [InlineData(0.9, 99.99, PaceState.Behind, 100)]
    [InlineData(0.9, 100, PaceState.Ahead, 100)]
    [InlineData(1, 100, PaceState.Behind, 200)]
    [InlineData(3.5, 399, PaceState.Behind, 400)]
    [InlineData(30, 1000, PaceState.Ahead, 1000)]
    public void Decide_Daily_LetsEachUtcDayAddItsAmountCarryingOverWhatWasNotSpent(double days, decimal spent, PaceState expected, decimal line)
    {
        var decision = Pace.Decide(Campaign(new BudgetPacing(PacingMode.Daily, Amount: 100m)), spent, Start.AddDays(days))!;

        Assert.Equal((expected, line), (decision.State, decision.Line));
    }

    [Fact]
    public void Decide_WithoutPacingOrWithoutAWindowForEvenPacing_DecidesNothing()
    {
        Assert.Null(Pace.Decide(Campaign(null), 5000m, Start));
        Assert.Null(Pace.Decide(Campaign(new BudgetPacing(PacingMode.Even, 0.1m)) with { EndsAt = null }, 5000m, Start));
    }

    private static Campaign Campaign(BudgetPacing? pacing) =>
        new("cmp_1", "Paced", null, Start, Start.AddDays(10), LifecycleStatus.Active, null, new Budget(1000m, "EUR") { Pacing = pacing }, null, null, Start, Start);
}
