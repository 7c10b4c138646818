using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Analytics;
using Promotions.Domain.Common;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.OpenApi;

namespace Promotions.Analytics.Reports;

/// <summary>
/// Reports under <c>/analytics</c>: JSON, or CSV with <c>Accept: text/csv</c> or from the <c>/export</c> twin of
/// each report (<c>?format=csv</c>, the default). Every range is <c>?from=&amp;to=</c> in UTC days.
/// </summary>
internal static class ReportEndpoints
{
    private delegate Task<AnalyticsReport?> Build(ReportBuilder builder, DateRange range, CancellationToken ct);

    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Policies.AnalyticsRead);
        group.MapGet("/overview", Overview).WithName("GetAnalyticsOverview")
            .WithSummary("Totals, per-day series and breakdowns by campaign, promotion, channel and segment (CSV with Accept: text/csv).")
            .AlsoProducesText(ReportCsv.ContentType);
        group.MapGet("/overview/export", ExportOverview).WithName("ExportAnalyticsOverview").WithSummary("The overview as CSV.")
            .Produces<string>(StatusCodes.Status200OK, ReportCsv.ContentType);
        group.MapGet("/campaigns/{id}", Campaign).WithName("GetCampaignAnalytics")
            .WithSummary("A campaign's totals, per-day series, breakdowns by promotion, channel and segment, and budget burn (CSV with Accept: text/csv).")
            .AlsoProducesText(ReportCsv.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/campaigns/{id}/export", ExportCampaign).WithName("ExportCampaignAnalytics").WithSummary("A campaign report as CSV.")
            .Produces<string>(StatusCodes.Status200OK, ReportCsv.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/campaigns/{id}/stages", Stages).WithName("GetCampaignStageAnalytics")
            .WithSummary("A campaign's figures per stage of its plan (redemptions, discount, revenue), each stage with its status and window, and what was recorded in no stage.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/promotions/{id}", Promotion).WithName("GetPromotionAnalytics")
            .WithSummary("A promotion's totals, per-day series and breakdowns by channel and segment (CSV with Accept: text/csv).")
            .AlsoProducesText(ReportCsv.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/promotions/{id}/export", ExportPromotion).WithName("ExportPromotionAnalytics").WithSummary("A promotion report as CSV.")
            .Produces<string>(StatusCodes.Status200OK, ReportCsv.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<Results<Ok<AnalyticsReport>, ContentHttpResult, ProblemHttpResult>> Overview(
        ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, CancellationToken ct) =>
        RespondAsync(builder, clock, http, from, to, WantsCsv(http.Request), "overview", "", async (b, r, c) => await b.OverviewAsync(r, c), ct);

    private static Task<IResult> ExportOverview(
        ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, string? format, CancellationToken ct) =>
        ExportAsync(builder, clock, http, from, to, format, "overview", "", async (b, r, c) => await b.OverviewAsync(r, c), ct);

    private static Task<Results<Ok<AnalyticsReport>, ContentHttpResult, ProblemHttpResult>> Campaign(
        string id, ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, CancellationToken ct) =>
        RespondAsync(builder, clock, http, from, to, WantsCsv(http.Request), "campaign", id, (b, r, c) => b.CampaignAsync(id, r, c), ct);

    private static Task<IResult> ExportCampaign(
        string id, ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, string? format, CancellationToken ct) =>
        ExportAsync(builder, clock, http, from, to, format, "campaign", id, (b, r, c) => b.CampaignAsync(id, r, c), ct);

    private static async Task<Results<Ok<StageReport>, ProblemHttpResult>> Stages(
        string id, StageReader reader, TimeProvider clock, string? from, string? to, CancellationToken ct)
    {
        var range = DateRange.Parse(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!range.IsSuccess)
        {
            return Problems.From(range.Errors);
        }

        return await reader.ReadAsync(id, range.Value, ct) is { } report ? TypedResults.Ok(report) : Problems.NotFound("campaign", id);
    }

    private static Task<Results<Ok<AnalyticsReport>, ContentHttpResult, ProblemHttpResult>> Promotion(
        string id, ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, CancellationToken ct) =>
        RespondAsync(builder, clock, http, from, to, WantsCsv(http.Request), "promotion", id, (b, r, c) => b.PromotionAsync(id, r, c), ct);

    private static Task<IResult> ExportPromotion(
        string id, ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, string? format, CancellationToken ct) =>
        ExportAsync(builder, clock, http, from, to, format, "promotion", id, (b, r, c) => b.PromotionAsync(id, r, c), ct);

    // An export answers CSV only: its handlers return IResult, so the document states text/csv alone (declared where mapped).
    private static async Task<IResult> ExportAsync(
        ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, string? format,
        string what, string id, Build build, CancellationToken ct)
    {
        if (format is not (null or "" or "csv"))
        {
            return Problems.From(new DomainError("invalid_value", $"'{format}' is not an export format; use csv.", "$.format"));
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{what}{(id.Length > 0 ? "-" + id : "")}.csv\"";
        return (await RespondAsync(builder, clock, http, from, to, csv: true, what, id, build, ct)).Result;
    }

    private static async Task<Results<Ok<AnalyticsReport>, ContentHttpResult, ProblemHttpResult>> RespondAsync(
        ReportBuilder builder, TimeProvider clock, HttpContext http, string? from, string? to, bool csv,
        string what, string id, Build build, CancellationToken ct)
    {
        var range = DateRange.Parse(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!range.IsSuccess)
        {
            return Problems.From(range.Errors);
        }

        var report = await build(builder, range.Value, ct);
        if (report is null)
        {
            http.Response.Headers.ContentDisposition = default;
            return Problems.NotFound(what, id);
        }

        return csv ? TypedResults.Text(ReportCsv.Write(report), ReportCsv.ContentType + "; charset=utf-8") : TypedResults.Ok(report);
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ReportCsv.ContentType, StringComparison.OrdinalIgnoreCase));
}
