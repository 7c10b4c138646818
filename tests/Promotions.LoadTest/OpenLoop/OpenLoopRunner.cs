using System.Diagnostics;

namespace Promotions.LoadTest.OpenLoop;

/// <summary>
/// Open-loop load: request <c>i</c> of a window is due at <c>start + i / rate</c> whatever happened to the ones
/// before it, so a stall makes requests queue (and shows in the latency) instead of slowing the sender down,
/// and coordinated omission cannot hide it. Each latency runs from the request's scheduled start to its last
/// byte read. A dedicated thread keeps the schedule, sleeping a millisecond at a time rather than spinning (the
/// cores are shared with the server), and starts each due request itself (up to its first wait, writing it to the
/// socket) rather than queueing it to the thread pool behind the server's own work; when it falls behind it
/// starts every overdue request at once, each keeping its scheduled start. How late requests were started is
/// reported (<see cref="OpenLoopResult.LagP99Ms"/>): it is part of every latency, the same for every target.
/// </summary>
internal sealed class OpenLoopRunner(HttpClient client, string token, LoadOptions options)
{
    /// <summary>Below this much JIT time per second of load, the host counts as compiled.</summary>
    public const double SettledJitMsPerSecond = 10;

    /// <summary>The most seconds <see cref="SettleAsync"/> goes on while the JIT is still compiling.</summary>
    public const int MaxSettleSeconds = 60;

    /// <summary>
    /// Loads every path of the host, a second each in turn, until a whole round compiles almost nothing, before
    /// anything is measured. Tiering goes on for many seconds after a path turns hot (tier 0, then instrumented,
    /// then optimized, compiled on a background thread), and on two cores that thread takes much of one from
    /// the server; a window overlapping it measures the JIT, not the server a shop would run. Answers the
    /// seconds it took, whether the JIT settled within <see cref="MaxSettleSeconds"/>, and whether any answer
    /// was unexpected.
    /// </summary>
    public async Task<(int Seconds, bool Settled, bool Unexpected)> SettleAsync(IReadOnlyList<LoadTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var seconds = 0;
        var unexpected = false;
        while (seconds < MaxSettleSeconds)
        {
            var jitMs = 0.0;
            foreach (var target in targets)
            {
                var round = await DriveAsync(target, 1);
                jitMs += round.JitMs;
                unexpected |= round.Unexpected > 0;
                seconds++;
            }

            Console.Error.WriteLine($"  after {seconds} s: the JIT compiled for {jitMs:F0} ms in the last {targets.Count} s");
            if (jitMs < SettledJitMsPerSecond * targets.Count)
            {
                return (seconds, true, unexpected);
            }
        }

        return (seconds, false, unexpected);
    }

    public async Task<OpenLoopResult> RunAsync(LoadTarget target)
    {
        await DriveAsync(target, options.WarmupSeconds);
        return await DriveAsync(target, options.DurationSeconds);
    }

    private async Task<OpenLoopResult> DriveAsync(LoadTarget target, int seconds)
    {
        var count = options.Rate * seconds;
        var latencies = new double[count];
        var lags = new double[count];
        var statuses = new int[count];
        var expected = new bool[count];
        var answeredAt = new long[count];
        var requests = new Task[count];
        var period = (double)Stopwatch.Frequency / options.Rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        var cpu = ProcessCpu.Now();
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes();
        var pause = GC.GetTotalPauseDuration();
        var stolen = StolenCpu.Ticks();
        var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);

        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)(i * period);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                var index = i;
                lags[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                requests[i] = Send(index, due);
            }

            scheduled.SetResult();
        })
        { IsBackground = true, Name = "open-loop schedule", Priority = ThreadPriority.AboveNormal };
        async Task Send(int index, long due)
        {
            statuses[index] = await SendAsync(target);
            answeredAt[index] = Stopwatch.GetTimestamp();
            latencies[index] = Stopwatch.GetElapsedTime(due, answeredAt[index]).TotalMilliseconds;
            expected[index] = target.Record(statuses[index]);
        }

        scheduler.Start();
        await scheduled.Task;
        await Task.WhenAll(requests);

        var cpuMs = (ProcessCpu.Now() - cpu).TotalMilliseconds;
        var gcs = GC.CollectionCount(0) - collections;
        var gcPause = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        var stolenPercent = StolenCpu.Percent(stolen, StolenCpu.Ticks(), Stopwatch.GetElapsedTime(start).TotalSeconds);
        var kbPerRequest = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / count;
        var jitMs = (System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jit).TotalMilliseconds;
        Array.Sort(latencies);
        Array.Sort(lags);
        var elapsed = Stopwatch.GetElapsedTime(start, answeredAt.Max()).TotalSeconds;
        var byStatus = statuses.GroupBy(static s => s).ToDictionary(static g => g.Key, static g => (long)g.Count());
        return new OpenLoopResult(target.Name, options.Rate, count, statuses.Count(static s => s != 0), elapsed,
            Percentile(latencies, 50), Percentile(latencies, 90), Percentile(latencies, 99), latencies[^1], byStatus,
            expected.Count(static e => !e), Percentile(lags, 99), cpuMs / count, kbPerRequest, gcs, gcPause, stolenPercent, jitMs);
    }

    private async Task<int> SendAsync(LoadTarget target)
    {
        try
        {
            using var request = target.CreateRequest(token);
            using var response = await client.SendAsync(request);
            // Reading the body is part of the answer a client waits for.
            await response.Content.LoadIntoBufferAsync();
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>The percentile of sorted values (nearest rank).</summary>
    private static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
