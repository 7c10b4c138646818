using System.Text.Json;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Tests.Plans;

/// <summary>A campaign with a three-stage plan (teaser, launch that deepens the discount, last chance) and its promotions.</summary>
internal static class PlanSamples
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static JsonElement Percent(int percent) =>
        JsonDocument.Parse($$$"""{"type":"percent_off","percent":{{{percent}}},"target":{"scope":"order"}}""").RootElement;

    public static CampaignPlan ThreeStages(long revision = 1) => new(
    [
        new PlanStage("teaser", null, TimeSpan.Zero,
            [new StageChange(StageChangeKind.Activate), new StageChange(StageChangeKind.Activate, "prm_teaser")]),
        new PlanStage("launch", null, TimeSpan.FromDays(2),
            [new StageChange(StageChangeKind.End, "prm_teaser"), new StageChange(StageChangeKind.SetEffect, "prm_main", Percent(20)),
                new StageChange(StageChangeKind.Activate, "prm_main")]),
        new PlanStage("last chance", Start.AddDays(9), null,
            [new StageChange(StageChangeKind.SetEffect, "prm_main", Percent(30))], new SkipCondition(0.9m)),
    ], revision);

    public static Campaign Campaign(LifecycleStatus status = LifecycleStatus.Scheduled, CampaignPlan? plan = null, CampaignApproval? approval = null) =>
        new("cmp_1", "Summer", null, Start, Start.AddDays(10), status, null, new Budget(1000m, "EUR"), null, null, Start, Start,
            Version: 3, Plan: plan ?? ThreeStages(), Approval: approval);

    public static Promotion Promotion(string id, LifecycleStatus status = LifecycleStatus.Draft, int percent = 10) =>
        new(id, "cmp_1", id, null, PromotionKind.Automatic, null, null, status, Percent(percent), [], ["web"], 0, Stacking.Default,
            null, 0, null, Start, Start, Version: 2);
}
