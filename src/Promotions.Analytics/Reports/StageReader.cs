using Promotions.Domain.Analytics;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;

namespace Promotions.Analytics.Reports;

/// <summary>
/// The stage report of a campaign: the figures of its stage breakdown (one slice), put beside its plan and the records
/// of the steps that ran, which give each stage's status and window. Null when neither the catalog nor analytics knows
/// the campaign.
/// </summary>
internal sealed class StageReader(IAnalyticsStore store, ICampaignStore campaigns, ICampaignPlanStore plans)
{
    public async Task<StageReport?> ReadAsync(string id, DateRange range, CancellationToken ct)
    {
        var campaign = await campaigns.GetAsync(id, ct);
        if (campaign is null
            && (await store.ReadAsync(new AnalyticsSlice(AnalyticsScope.Campaign, id, AnalyticsDimension.Total, DateRange.AllTime), ct)).Count == 0)
        {
            return null;
        }

        var rows = (await store.ReadAsync(new AnalyticsSlice(AnalyticsScope.Campaign, id, AnalyticsDimension.Stage, range), ct))
            .Where(r => r.Currency != BucketKey.NoCurrency)
            .ToLookup(r => r.Value, StringComparer.Ordinal);
        var plan = campaign?.Plan;
        var stages = plan is null ? [] : await PlannedAsync(campaign!, plan, rows, ct);
        var counted = rows.Select(g => g.Key)
            .Where(key => key != StageKeys.None && !stages.Any(s => StageKeys.Of(new CampaignStage(s.Index, s.Name)) == key))
            .Order(StringComparer.Ordinal)
            .Select(key => StageKeys.Parse(key) is { } stage
                ? new StageFigures(stage.Index, stage.Name, "not_in_plan", null, null, null, Figures(rows[key]))
                : null)
            .OfType<StageFigures>();
        return new StageReport(id, range.From, range.To, plan?.Revision, [.. stages, .. counted], Figures(rows[StageKeys.None]));
    }

    private async Task<List<StageFigures>> PlannedAsync(
        Campaign campaign, CampaignPlan plan, ILookup<string, AnalyticsRow> rows, CancellationToken ct)
    {
        var times = PlanSteps.Times(plan, campaign.StartsAt);
        var ran = (await plans.ListStepsAsync(campaign.Id, plan.Revision, ct)).ToDictionary(r => r.Index);
        var started = ran.Values.Where(r => r.Outcome == StepOutcome.Applied).OrderBy(r => r.Index).ToList();
        return
        [
            .. plan.Stages.Select((stage, i) =>
            {
                var record = ran.GetValueOrDefault(i);
                var startedAt = record is { Outcome: StepOutcome.Applied } ? record.RanAt : (DateTimeOffset?)null;
                var endedAt = startedAt is null ? null : started.FirstOrDefault(r => r.Index > i)?.RanAt;
                var status = record?.Outcome switch { StepOutcome.Applied => "applied", StepOutcome.Skipped => "skipped", _ => "pending" };
                return new StageFigures(
                    i, stage.Name, status, times?[i], startedAt, endedAt, Figures(rows[StageKeys.Of(new CampaignStage(i, stage.Name))]));
            }),
        ];
    }

    private static List<FigureRow> Figures(IEnumerable<AnalyticsRow> rows) => [.. rows.Select(r => FigureRow.From(r, keyed: false))];
}
