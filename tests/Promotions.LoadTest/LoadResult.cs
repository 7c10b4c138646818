namespace Promotions.LoadTest;

/// <summary>What one target did in its measured window, with the process CPU time per request.</summary>
internal sealed record LoadResult(string Target, long Requests, long Errors, double Seconds, double P50Ms, double P99Ms, double CpuMsPerRequest)
{
    public double Throughput => Requests / Seconds;

    /// <summary>The percentile of sorted latencies (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
