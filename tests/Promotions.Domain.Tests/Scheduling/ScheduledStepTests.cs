using System.Text.Json;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;
using Promotions.Domain.Scheduling;

namespace Promotions.Domain.Tests.Scheduling;

public sealed class ScheduledStepTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(7);

    [Theory]
    [InlineData(LifecycleStatus.Scheduled, -1, null)]
    [InlineData(LifecycleStatus.Scheduled, 0, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Scheduled, 60, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Active, 60, null)]
    [InlineData(LifecycleStatus.Paused, 60, null)]
    [InlineData(LifecycleStatus.Draft, 60, null)]
    [InlineData(LifecycleStatus.Active, 7 * 24 * 3600 - 1, null)]
    [InlineData(LifecycleStatus.Active, 7 * 24 * 3600, LifecycleAction.End)]
    [InlineData(LifecycleStatus.Paused, 7 * 24 * 3600, LifecycleAction.End)]
    [InlineData(LifecycleStatus.Scheduled, 7 * 24 * 3600, LifecycleAction.End)]
    [InlineData(LifecycleStatus.Draft, 7 * 24 * 3600, null)]
    [InlineData(LifecycleStatus.Ended, 7 * 24 * 3600, null)]
    [InlineData(LifecycleStatus.Archived, 7 * 24 * 3600, null)]
    public void Due_Campaign_FollowsItsWindowAndStatus(LifecycleStatus status, int secondsAfterStart, LifecycleAction? expected)
    {
        var campaign = NewCampaign(status, Start, End);

        Assert.Equal(expected, ScheduledStep.Due(campaign, Start.AddSeconds(secondsAfterStart)));
    }

    [Fact]
    public void Due_CampaignWithoutDates_IsNeverDue()
    {
        var campaign = NewCampaign(LifecycleStatus.Scheduled, null, null);

        Assert.Null(ScheduledStep.Due(campaign, End.AddYears(1)));
    }

    [Fact]
    public void Due_AfterTheWholeWindowPassed_EndsWithoutGoingLive()
    {
        var campaign = NewCampaign(LifecycleStatus.Scheduled, Start, End);

        Assert.Equal(LifecycleAction.End, ScheduledStep.Due(campaign, End.AddDays(30)));
        Assert.Equal(LifecycleStatus.Ended, LifecycleGuards.Campaign(campaign, LifecycleAction.End, End.AddDays(30)).Value);
    }

    [Theory]
    [InlineData(LifecycleStatus.Scheduled, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Active, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Paused, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Draft, null)]
    [InlineData(LifecycleStatus.Ended, null)]
    [InlineData(LifecycleStatus.Archived, null)]
    public void Due_PromotionStart_WaitsForACampaignThatAllowsIt(LifecycleStatus campaignStatus, LifecycleAction? expected)
    {
        var campaign = NewCampaign(campaignStatus, Start, End);
        var promotion = NewPromotion(LifecycleStatus.Scheduled, Start.AddHours(1), End);

        Assert.Null(ScheduledStep.Due(promotion, campaign, Start.AddMinutes(59)));
        Assert.Equal(expected, ScheduledStep.Due(promotion, campaign, Start.AddHours(1)));
    }

    [Fact]
    public void Due_PromotionWithoutStart_GoesLiveWithItsCampaign()
    {
        var promotion = NewPromotion(LifecycleStatus.Scheduled, null, null);

        Assert.Null(ScheduledStep.Due(promotion, NewCampaign(LifecycleStatus.Scheduled, Start, End), Start.AddHours(1)));
        Assert.Null(ScheduledStep.Due(promotion, NewCampaign(LifecycleStatus.Active, Start, End), Start.AddSeconds(-1)));
        Assert.Equal(LifecycleAction.Activate, ScheduledStep.Due(promotion, NewCampaign(LifecycleStatus.Active, Start, End), Start));
        Assert.Equal(LifecycleAction.Activate, ScheduledStep.Due(promotion, NewCampaign(LifecycleStatus.Active, null, null), Start));
    }

    [Fact]
    public void Due_PromotionEnd_FollowsItsOwnEndWhateverItsCampaign()
    {
        var promotion = NewPromotion(LifecycleStatus.Active, Start, End);

        Assert.Equal(LifecycleAction.End, ScheduledStep.Due(promotion, NewCampaign(LifecycleStatus.Ended, Start, End), End));
        Assert.Equal(LifecycleAction.End, ScheduledStep.Due(promotion, null, End));
        Assert.Null(ScheduledStep.Due(promotion, NewCampaign(LifecycleStatus.Active, Start, End.AddDays(1)), End.AddTicks(-1)));
    }

    internal static Campaign NewCampaign(LifecycleStatus status, DateTimeOffset? startsAt, DateTimeOffset? endsAt) =>
        new("cmp_1", "Summer", null, startsAt, endsAt, status, null, null, null, null, Start.AddDays(-1), Start.AddDays(-1), 3);

    internal static Promotion NewPromotion(LifecycleStatus status, DateTimeOffset? startsAt, DateTimeOffset? endsAt) =>
        new("prm_1", "cmp_1", "Ten off", null, PromotionKind.Automatic, startsAt, endsAt, status,
            JsonDocument.Parse("""{"type":"percent_off","percent":10}""").RootElement, [], ["web"], 0, Stacking.Default, null, 0, null,
            Start.AddDays(-1), Start.AddDays(-1), 2);
}
