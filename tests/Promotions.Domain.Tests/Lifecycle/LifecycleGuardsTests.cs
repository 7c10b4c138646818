using Promotions.Domain.Lifecycle;
using Promotions.Domain.Tests.Scheduling;

namespace Promotions.Domain.Tests.Lifecycle;

public sealed class LifecycleGuardsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Campaign_ScheduleWithoutStart_IsStartRequired()
    {
        var result = LifecycleGuards.Campaign(ScheduledStepTests.NewCampaign(LifecycleStatus.Draft, null, null), LifecycleAction.Schedule, Now);

        Assert.Equal(LifecycleGuards.StartRequired, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData(LifecycleAction.Schedule)]
    [InlineData(LifecycleAction.Activate)]
    public void Campaign_GoingLiveAfterItsEnd_IsWindowEnded(LifecycleAction action)
    {
        var campaign = ScheduledStepTests.NewCampaign(LifecycleStatus.Draft, Now.AddDays(-2), Now);

        Assert.Equal(LifecycleGuards.WindowEnded, Assert.Single(LifecycleGuards.Campaign(campaign, action, Now).Errors).Code);
    }

    [Fact]
    public void Campaign_IllegalMove_IsTheMachinesError()
    {
        var campaign = ScheduledStepTests.NewCampaign(LifecycleStatus.Ended, Now, Now.AddDays(1));

        var error = Assert.Single(LifecycleGuards.Campaign(campaign, LifecycleAction.Activate, Now).Errors);

        Assert.Equal(LifecycleMachine.IllegalTransitionCode, error.Code);
    }

    [Theory]
    [InlineData(LifecycleStatus.Draft, LifecycleAction.Activate, false)]
    [InlineData(LifecycleStatus.Scheduled, LifecycleAction.Activate, true)]
    [InlineData(LifecycleStatus.Paused, LifecycleAction.Activate, true)]
    [InlineData(LifecycleStatus.Ended, LifecycleAction.Schedule, false)]
    [InlineData(LifecycleStatus.Draft, LifecycleAction.Schedule, true)]
    [InlineData(LifecycleStatus.Archived, LifecycleAction.Archive, true)]
    public void Promotion_NeedsACampaignThatAllowsTheMove(LifecycleStatus campaignStatus, LifecycleAction action, bool allowed)
    {
        var campaign = ScheduledStepTests.NewCampaign(campaignStatus, null, null);
        var promotion = ScheduledStepTests.NewPromotion(LifecycleStatus.Draft, null, null);

        var result = LifecycleGuards.Promotion(promotion, campaign, action, Now);

        Assert.Equal(allowed, result.IsSuccess);
        if (!allowed)
        {
            Assert.Equal(LifecycleGuards.CampaignNotReady, Assert.Single(result.Errors).Code);
        }
    }

    [Fact]
    public void Promotion_WhoseCampaignIsGone_CannotGoLive()
    {
        var promotion = ScheduledStepTests.NewPromotion(LifecycleStatus.Scheduled, null, null);

        Assert.Equal(LifecycleGuards.CampaignNotReady, Assert.Single(LifecycleGuards.Promotion(promotion, null, LifecycleAction.Activate, Now).Errors).Code);
    }
}
