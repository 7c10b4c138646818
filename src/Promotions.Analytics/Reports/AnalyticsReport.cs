namespace Promotions.Analytics.Reports;

/// <summary>
/// A performance report of one scope (<c>overview</c>, <c>campaign</c> or <c>promotion</c>) over an inclusive
/// range of UTC days. Money rows are per currency; breakdowns a scope does not have are left out.
/// </summary>
public sealed record AnalyticsReport(
    string Scope,
    string? Id,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<FigureRow> Totals,
    CodesSummary Codes,
    IReadOnlyList<FigureRow> Days,
    IReadOnlyList<FigureRow>? Campaigns,
    IReadOnlyList<FigureRow>? Promotions,
    IReadOnlyList<FigureRow> Channels,
    IReadOnlyList<FigureRow> Segments,
    BudgetBurn? Budget);
