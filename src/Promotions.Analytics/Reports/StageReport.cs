namespace Promotions.Analytics.Reports;

/// <summary>
/// A campaign's figures per stage of its plan over an inclusive range of UTC days: every stage of the current plan (with
/// no figures when nothing was redeemed in it), then any other stage redemptions were recorded in (an earlier plan's),
/// and apart what was recorded in no stage. The figures of the stages and <paramref name="NoStage"/> add up to the
/// campaign's totals for the same range.
/// </summary>
/// <param name="Revision">The plan revision the stages' status and window come from; null when the campaign has no plan.</param>
/// <param name="NoStage">Redemptions recorded in no stage (before the first stage ran, without a plan, or before stages were recorded), per currency.</param>
public sealed record StageReport(
    string CampaignId,
    DateOnly From,
    DateOnly To,
    long? Revision,
    IReadOnlyList<StageFigures> Stages,
    IReadOnlyList<FigureRow> NoStage);
