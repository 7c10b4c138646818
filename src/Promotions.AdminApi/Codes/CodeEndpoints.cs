using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Promotions.AdminApi.Common;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.OpenApi;

namespace Promotions.AdminApi.Codes;

/// <summary>The codes of a promotion: list, CSV import with a per-line report, and streamed CSV export.</summary>
internal static class CodeEndpoints
{
    /// <summary>The import body limit: 100,000 lines of codes with their columns fit well within it.</summary>
    public const long ImportLimit = 5L * 1024 * 1024;

    private const int InsertBatch = 10_000;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void MapCodes(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/promotions/{id}/codes").WithTags("Codes");
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListCodes", "List the codes of a promotion.", 400, 404, 409);
        group.MapPost("/import", Import).WithBodyLimit(ImportLimit)
            .WithRawBody(binary: false, "CSV lines of code[,maxUses,expiresAt,assignedCustomerId], UTF-8.", "text/csv")
            .Describe(Policies.CatalogWrite, "ImportCodes", "Import codes from CSV (code[,maxUses,expiresAt,assignedCustomerId]); returns a per-line report.", 400, 404, 409, 413, 415);
        group.MapGet("/export", Export).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Describe(Policies.CatalogRead, "ExportCodes", "Download every code of a promotion as CSV.", 404, 409);
    }

    private static async Task<Results<Ok<ListResponse<CodeResponse>>, ProblemHttpResult>> List(
        string id, string? cursor, string? limit, IPromotionStore promotions, ICodeStore codes, CancellationToken ct)
    {
        var (_, problem) = await CodePromotions.FindForCodesAsync(promotions, id, adding: false, ct);
        return problem is not null
            ? problem
            : await Lists.PageAsync(cursor, limit, page => codes.ListAsync(id, page, ct), CodeResponse.From);
    }

    private static async Task<Results<Ok<CodeImportReport>, ProblemHttpResult>> Import(
        string id, HttpRequest request, IPromotionStore promotions, ICodeStore codes, ICodeJobStore jobs, ICustomerStore customers,
        TimeProvider clock, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.From(new DomainError("unsupported_media_type", "Send the file as text/csv.", "Content-Type"));
        }

        var (promotion, problem) = await CodePromotions.FindForCodesAsync(promotions, id, adding: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        var parser = new CodeImportParser(clock.GetUtcNow());
        using (var reader = new StreamReader(request.Body, Utf8, detectEncodingFromByteOrderMarks: true))
        {
            if (!await parser.ReadAsync(reader, ct))
            {
                return Problems.From(new DomainError("too_many_lines", $"At most {CodeImportParser.MaxLines:N0} codes per file; split it.", "$"));
            }
        }

        await RejectUnknownCustomersAsync(parser, customers, ct);

        // The import is a job of its own: its codes_generated events name it, and its record tells what it stored.
        var job = new CodeJob(Ids.New("cjb", clock), promotion!.Id, CodeJobKind.Import, parser.Rows.Count, 0, CodeJobState.Running, null,
            "text/csv", clock.GetUtcNow(), null);
        var imported = 0;
        foreach (var chunk in parser.Rows.Chunk(InsertBatch))
        {
            var result = await codes.InsertAsync(job.Id,
                [.. chunk.Select(r => new PromoCode(Ids.New("cod", clock), promotion.Id, r.Code, 0, r.MaxUses, true, r.ExpiresAt, r.AssignedCustomerId))], ct);
            imported += result.Inserted;
            var duplicates = result.Duplicates.ToHashSet(StringComparer.Ordinal);
            parser.Rejected.AddRange(chunk.Where(r => duplicates.Contains(r.Code)).Select(r =>
                new CodeImportRejection(r.Line, r.Code, "duplicate", "The code already exists (codes are unique across all promotions).")));
        }

        await jobs.CreateAsync(job with { Done = imported, State = CodeJobState.Completed, CompletedAt = clock.GetUtcNow() }, ct);
        return TypedResults.Ok(new CodeImportReport(job.Id, imported, [.. parser.Rejected.OrderBy(r => r.Line)]));
    }

    // A code assigned to no existing customer could never be redeemed by anyone: its line is refused like any other error.
    // Each id is read once (a profile read, which on AWS unseals nothing), a few at a time.
    private static async Task RejectUnknownCustomersAsync(CodeImportParser parser, ICustomerStore customers, CancellationToken ct)
    {
        var unknown = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var ids = parser.Rows.Select(r => r.AssignedCustomerId).OfType<string>().Distinct(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (customerId, token) =>
        {
            if (await customers.GetProfileAsync(customerId, token) is null)
            {
                unknown[customerId] = true;
            }
        });

        if (unknown.IsEmpty)
        {
            return;
        }

        parser.Rejected.AddRange(parser.Rows.Where(r => r.AssignedCustomerId is { } c && unknown.ContainsKey(c)).Select(r =>
            new CodeImportRejection(r.Line, r.Code, "customer_not_found", $"assignedCustomerId names no customer: '{r.AssignedCustomerId}'.")));
        parser.Rows.RemoveAll(r => r.AssignedCustomerId is { } c && unknown.ContainsKey(c));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        string id, IPromotionStore promotions, ICodeStore codes, CancellationToken ct)
    {
        var (_, problem) = await CodePromotions.FindForCodesAsync(promotions, id, adding: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        // Streamed row by row: an export of millions of codes never sits in memory. The first four columns
        // are the import format, so an export can seed another environment.
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
            await writer.WriteLineAsync("code,maxUses,expiresAt,assignedCustomerId,uses,active");
            await foreach (var c in codes.ExportAsync(id, ct))
            {
                await writer.WriteLineAsync(
                    $"{c.Code},{c.MaxUses},{c.ExpiresAt?.ToString("O")},{Csv.Escape(c.AssignedCustomerId)},{c.Uses},{(c.Active ? "true" : "false")}");
            }
        }, "text/csv", $"{id}-codes.csv");
    }
}
