using System.Globalization;
using System.Text;

namespace Promotions.LoadTest;

/// <summary>The results as a Markdown table, each target's throughput also as a ratio of the first (baseline) target's.</summary>
internal static class ResultTable
{
    public static string Format(IReadOnlyList<LoadResult> results)
    {
        var baseline = results.Count > 0 ? results[0].Throughput : 0;
        var table = new StringBuilder()
            .AppendLine("| target | requests | errors | req/s | p50 ms | p99 ms | req/s vs /ping | CPU ms/req | CPU vs /ping |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Target}` | {r.Requests} | {r.Errors} | {r.Throughput:F0} | {r.P50Ms:F2} | {r.P99Ms:F2} | {(baseline > 0 ? r.Throughput / baseline : 0):F2} | " +
                $"{r.CpuMsPerRequest:F3} | {(results[0].CpuMsPerRequest > 0 ? r.CpuMsPerRequest / results[0].CpuMsPerRequest : 0):F2} |");
        }

        return table.ToString();
    }
}
