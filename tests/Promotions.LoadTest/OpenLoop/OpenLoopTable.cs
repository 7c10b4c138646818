using System.Globalization;
using System.Text;

namespace Promotions.LoadTest.OpenLoop;

/// <summary>The open-loop results as a Markdown table, latencies also as ratios of the baseline's (the first row) in the same run.</summary>
internal static class OpenLoopTable
{
    public static string Format(IReadOnlyList<OpenLoopResult> results)
    {
        var baseline = results.Count > 0 ? results[0] : null;
        var table = new StringBuilder()
            .AppendLine("| target | target req/s | achieved req/s | requests | answers by status | unexpected | p50 ms | p90 ms | p99 ms | max ms | p50 vs /ping | p99 vs /ping | start lag p99 ms | CPU ms/req | CPU vs /ping | KB/req | GCs | GC pause ms | CPU stolen % | JIT ms |")
            .AppendLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var statuses = string.Join(", ", r.Statuses.OrderBy(static s => s.Key).Select(static s => $"{(s.Key == 0 ? "none" : s.Key)}: {s.Value}"));
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Target}` | {r.RateTarget} | {r.Achieved:F0} | {r.Scheduled} | {statuses} | {r.Unexpected} | {r.P50Ms:F2} | {r.P90Ms:F2} | " +
                $"{r.P99Ms:F2} | {r.MaxMs:F2} | {Ratio(r.P50Ms, baseline?.P50Ms)} | {Ratio(r.P99Ms, baseline?.P99Ms)} | {r.LagP99Ms:F2} | " +
                $"{r.CpuMsPerRequest:F3} | {Ratio(r.CpuMsPerRequest, baseline?.CpuMsPerRequest)} | {r.AllocatedKbPerRequest:F1} | {r.Collections} | {r.GcPauseMs:F0} | {(r.StolenPercent is { } stolen ? stolen.ToString("F1", CultureInfo.InvariantCulture) : "–")} | {r.JitMs:F0} |");
        }

        return table.ToString();
    }

    private static string Ratio(double value, double? baseline) =>
        baseline is > 0 ? (value / baseline.Value).ToString("F2", CultureInfo.InvariantCulture) : "–";
}
