using System.Diagnostics;

namespace Promotions.LoadTest;

/// <summary>
/// Closed-loop load: <see cref="LoadOptions.Concurrency"/> workers each send the next request as soon as the
/// previous one has been answered and read, for a warm-up and then a measured window bounded by time and count.
/// </summary>
internal sealed class LoadRunner(HttpClient client, string token, LoadOptions options)
{
    public async Task<LoadResult> RunAsync(LoadTarget target)
    {
        await DriveAsync(target, TimeSpan.FromSeconds(options.WarmupSeconds), options.MaxRequests, record: null);

        var latencies = new List<double>[options.Concurrency];
        var errors = new long[options.Concurrency];
        var started = Stopwatch.GetTimestamp();
        var cpu = ProcessCpu.Now();
        await DriveAsync(target, TimeSpan.FromSeconds(options.DurationSeconds), options.MaxRequests, (worker, ms, ok) =>
        {
            (latencies[worker] ??= []).Add(ms);
            errors[worker] += ok ? 0 : 1;
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuMs = (ProcessCpu.Now() - cpu).TotalMilliseconds;

        var all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        return new LoadResult(target.Name, all.Length, errors.Sum(), seconds,
            LoadResult.Percentile(all, 50), LoadResult.Percentile(all, 99), all.Length == 0 ? 0 : cpuMs / all.Length);
    }

    private async Task DriveAsync(LoadTarget target, TimeSpan duration, int maxRequests, Action<int, double, bool>? record)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var issued = 0;
        var workers = Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                using (var request = target.CreateRequest(token))
                using (var response = await client.SendAsync(request))
                {
                    // Reading the body is part of the answer a client waits for.
                    await response.Content.LoadIntoBufferAsync();
                    ok = target.Record((int)response.StatusCode);
                }

                record?.Invoke(worker, Stopwatch.GetElapsedTime(start).TotalMilliseconds, ok);
            }
        }));
        await Task.WhenAll(workers);
    }
}
