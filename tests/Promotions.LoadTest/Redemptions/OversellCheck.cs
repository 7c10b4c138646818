using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Domain.Ports;

namespace Promotions.LoadTest.Redemptions;

/// <summary>
/// Zero oversell, checked after the load from three independent places: what the client was answered, the
/// redemption records in the database, and the ledger's counters. They must agree exactly, the records must not
/// pass the cap, their discounts must not pass the budget; a target meant to use its cap up must have reached it.
/// </summary>
internal static class OversellCheck
{
    public static async Task<OversellReport> VerifyAsync(IServiceProvider services, string databasePath, RedemptionPhase phase, CancellationToken ct)
    {
        var tally = phase.Target.Tally;
        var created = tally.GetValueOrDefault((int)HttpStatusCode.Created);
        var refused = tally.GetValueOrDefault((int)HttpStatusCode.Conflict);
        var (records, discounts) = await RecordsAsync(databasePath, phase.PromotionId, ct);
        var usage = await services.GetRequiredService<IRedemptionLedger>().GetUsageAsync(phase.PromotionId, phase.CustomerId, phase.CampaignId, ct);
        int? codeUses = phase.Code is { } code ? (await services.GetRequiredService<ICodeStore>().FindAsync(code, ct))?.Uses : null;

        var failures = new List<string>();
        // A request the client gave up on (no answer) may still have been recorded: that is not an oversell, but
        // the run's numbers no longer agree, so it fails too, saying why.
        var unanswered = tally.GetValueOrDefault(0);
        Expect(records == created, $"{records} records stored but {created} requests answered 201" +
            (unanswered > 0 ? $"; {unanswered} requests got no answer (client timeout), which may account for {Math.Min(unanswered, records - created)} of them" : ""),
            failures);
        Expect(usage.PromotionRedemptions == records, $"the promotion counter says {usage.PromotionRedemptions}, the records {records}", failures);
        Expect(records <= phase.Cap, $"{records} records for a cap of {phase.Cap}: OVERSOLD", failures);
        Expect(discounts == records * RedemptionScenario.Discount, $"the records' discounts sum to {discounts}, not {records} × {RedemptionScenario.Discount}", failures);
        Expect(usage.BudgetSpent == discounts, $"the budget counter says {usage.BudgetSpent} spent, the records {discounts}", failures);
        Expect(discounts <= phase.Budget, $"{discounts} of discounts for a budget of {phase.Budget}: OVERSPENT", failures);
        if (phase.CustomerId is not null)
        {
            Expect(usage.CustomerRedemptions == records, $"the customer counter says {usage.CustomerRedemptions}, the records {records}", failures);
        }

        if (codeUses is { } uses)
        {
            Expect(uses == records, $"the code was used {uses} times, the records say {records}", failures);
        }

        if (phase.MustExhaust)
        {
            Expect(records == phase.Cap, $"the cap of {phase.Cap} was not used up ({records}): the run did not test exhaustion", failures);
            Expect(refused > 0, "no request was refused after the cap was used up", failures);
        }
        else
        {
            Expect(refused == 0, $"{refused} requests were refused although no limit was meant to be reached", failures);
        }

        return new OversellReport(phase, created, refused, records, discounts, usage.PromotionRedemptions,
            phase.CustomerId is null ? null : usage.CustomerRedemptions, usage.BudgetSpent, codeUses, failures);
    }

    // Read on a connection of its own, read-only: the stored rows (each order's parts), not anything the services cache.
    private static async Task<(long Count, decimal Discounts)> RecordsAsync(string databasePath, string promotionId, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(ct);
        await using var count = connection.CreateCommand();
        count.CommandText = """
            SELECT COUNT(*), COALESCE(SUM(CAST(ROUND(json_extract(part.value, '$.discountAmount') * 100) AS INTEGER)), 0)
            FROM redemptions, json_each(redemptions.doc, '$.redemptions') AS part
            WHERE redemptions.status = 'Confirmed' AND json_extract(part.value, '$.promotionId') = $promotion;
            """;
        count.Parameters.AddWithValue("$promotion", promotionId);
        await using var reader = await count.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1) / 100m);
    }

    private static void Expect(bool holds, string failure, List<string> failures)
    {
        if (!holds)
        {
            failures.Add(failure);
        }
    }

    /// <summary>The reports as a Markdown table, then each failure on a line of its own.</summary>
    public static string Format(IReadOnlyList<OversellReport> reports)
    {
        var text = new System.Text.StringBuilder()
            .AppendLine("| target | cap | budget | 201 | 409 | records | promotion counter | customer counter | code uses | Σ discounts | budget counter | verdict |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in reports)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Phase.Target.Key}` | {r.Phase.Cap} | {r.Phase.Budget:F2} | {r.Created} | {r.Refused} | {r.Records} | {r.PromotionCounter} | " +
                $"{r.CustomerCounter?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {r.CodeUses?.ToString(CultureInfo.InvariantCulture) ?? "–"} | " +
                $"{r.RecordedDiscount:F2} | {r.BudgetSpent:F2} | {(r.Passed ? "no oversell" : "**FAILED**")} |");
        }

        foreach (var failure in reports.SelectMany(r => r.Failures.Select(f => $"{r.Phase.Target.Key}: {f}")))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{failure}**");
        }

        return text.ToString();
    }
}
