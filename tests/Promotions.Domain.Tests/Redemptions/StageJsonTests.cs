using System.Text.Json;
using Promotions.Contracts.Analytics;
using Promotions.Domain.Analytics;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Tests.Redemptions;

/// <summary>The stage in the stored documents and events: written when there is one, absent otherwise, and older ones read as none.</summary>
public sealed class StageJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LedgerJson_AnOrderWithAStagedAndAnUnstagedPart_ReadsBothBackAndWritesNoStageForTheOther()
    {
        var staged = Part("rdm_1-1") with { Stage = new CampaignStage(1, "launch") };
        var order = new OrderRedemption("rdm_1", "order-1", null, "web", "EUR", 100m, 0m, [], [staged, Part("rdm_1-2")], Now);

        var json = LedgerJson.Write(order);
        var read = LedgerJson.Read(json, "rdm_1");

        Assert.Equal([new CampaignStage(1, "launch"), null], read.Redemptions.Select(p => p.Stage));
        Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("redemptions").EnumerateArray(), p => p.TryGetProperty("stage", out _));
    }

    [Fact]
    public void LedgerJson_ARecordWrittenBeforeStages_ReadsWithNoStage()
    {
        var json = LedgerJson.Write(OrderRedemption.Of(Part("rdm_old")));
        Assert.DoesNotContain("stage", json, StringComparison.Ordinal);

        Assert.Null(Assert.Single(LedgerJson.Read(json, "rdm_old").Redemptions).Stage);
    }

    [Fact]
    public void EventEnvelope_ARedemptionEventWithAndWithoutAStage_ReadsItsStage()
    {
        var older = AnalyticsEvents.Redeemed("evt_1", "rdm_1-1", "prm_1", "cmp_1", 0, 10m, 100m);
        var staged = older with { EventId = "evt_2", Stage = new CampaignStage(2, "last chance") };

        var olderJson = EventEnvelope.Write(older);
        var read = (RedemptionRecorded)EventEnvelope.Read(EventEnvelope.Write(staged))!.Event!;

        Assert.DoesNotContain("\"stage\"", olderJson, StringComparison.Ordinal);
        Assert.Null(((RedemptionRecorded)EventEnvelope.Read(olderJson)!.Event!).Stage);
        Assert.Equal(new CampaignStage(2, "last chance"), read.Stage);
    }

    [Fact]
    public void DocumentJson_ACampaignInAStage_KeepsItAndOneWithoutWritesNone()
    {
        var campaign = new Campaign("cmp_1", "Spring", null, Now, null, LifecycleStatus.Active, null, null, null, null, Now, Now);

        var staged = JsonSerializer.Deserialize(
            JsonSerializer.Serialize(campaign with { Stage = new CampaignStage(0, "teaser") }, DocumentJson.Default.Campaign), DocumentJson.Default.Campaign);

        Assert.Equal(new CampaignStage(0, "teaser"), staged!.Stage);
        Assert.DoesNotContain("\"stage\"", JsonSerializer.Serialize(campaign, DocumentJson.Default.Campaign), StringComparison.Ordinal);
    }

    private static Redemption Part(string id) =>
        new(id, "prm_1", null, null, "web", Now, "order-1", 100m, 10m, "EUR", [new LineAllocation("a", 10m)], RedemptionStatus.Confirmed)
        {
            CampaignId = "cmp_1",
        };
}
