using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Promotions.LoadTest.OpenLoop;
using Promotions.LoadTest.Redemptions;
using Promotions.LocalHost;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.LoadTest;

/// <summary>
/// Starts the local host in this process on a free loopback port, with a temp data directory and the demo
/// data plus the redemption targets' promotions, warms every path until the JIT settles (open loop), loads each
/// target in turn, prints Markdown tables, and checks that the redemption targets oversold nothing. Nothing leaves 127.0.0.1. Exits non-zero on any unexpected
/// answer or any disagreement between answers, records and ledger counters.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = LoadOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "promotions-load-" + Guid.NewGuid().ToString("N"));
        var app = LocalHostApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Embedded:DataDirectory={dataDirectory}",
            "--demo",
            "--environment=Production",
            "--Logging:LogLevel:Default=Warning",
        ]);
        try
        {
            await app.StartAsync();
            var redemptions = await RedemptionScenario.SeedAsync(app.Services, options, CancellationToken.None);
            // Its 200 promotions would be in every other quote too, so they are seeded only when it is asked for.
            var cart = options.Targets is null || options.Targets.Contains("redeem-cart")
                ? await CartScenario.SeedAsync(app.Services, CancellationToken.None)
                : ((LoadTarget Measured, LoadTarget WarmUp)?)null;
            if (Targets.Select(Targets.All(redemptions, cart), options.Targets, Console.Error) is not { } targets)
            {
                return 2;
            }

            var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
            var token = DevTokens.Create(auth, "load-test", [Roles.Admin], [], TimeProvider.System);
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.OpenLoop ? 1024 : options.Concurrency,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
            var loadBefore = LoadAverage();
            var unexpected = options.OpenLoop
                ? await RunOpenAsync(client, token, options, targets, Targets.WarmUp(redemptions, cart))
                : await RunClosedAsync(client, token, options, targets);

            var reports = new List<OversellReport>();
            foreach (var phase in redemptions.Phases.Where(p => targets.Contains(p.Target)))
            {
                reports.Add(await OversellCheck.VerifyAsync(app.Services, Path.Combine(dataDirectory, "promotions.db"), phase, CancellationToken.None));
            }

            Console.WriteLine();
            Console.WriteLine($"Load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()}");
            if (reports.Count > 0)
            {
                Console.WriteLine();
                Console.Write(OversellCheck.Format(reports));
            }

            return unexpected || reports.Any(r => !r.Passed) ? 1 : 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static async Task<bool> RunOpenAsync(
        HttpClient client, string token, LoadOptions options, IReadOnlyList<LoadTarget> targets, IReadOnlyList<LoadTarget> warmUp)
    {
        var runner = new OpenLoopRunner(client, token, options);
        foreach (var target in warmUp)
        {
            await target.CheckAsync(client, token);
        }

        Console.Error.WriteLine($"warming the host on {warmUp.Count} paths until the JIT settles…");
        var (seconds, settled, unexpected) = await runner.SettleAsync(warmUp);
        var warmed = settled ? $"the host warmed for {seconds} s on every path until the JIT settled" : $"the JIT was still compiling after {seconds} s of warm-up on every path";
        return await RunAsync(client, token, targets,
            $"open loop at {options.Rate} req/s; {warmed}, then " +
            $"{options.WarmupSeconds} s warm-up and {options.DurationSeconds} s measured per target; latency from each request's scheduled start",
            runner.RunAsync, OpenLoopTable.Format, static r => r.Unexpected > 0) | unexpected;
    }

    private static Task<bool> RunClosedAsync(HttpClient client, string token, LoadOptions options, IReadOnlyList<LoadTarget> targets)
    {
        var runner = new LoadRunner(client, token, options);
        return RunAsync(client, token, targets,
            $"closed loop, {options.Concurrency} in flight, {options.WarmupSeconds} s warm-up, {options.DurationSeconds} s per target",
            runner.RunAsync, ResultTable.Format, static r => r.Errors > 0);
    }

    /// <summary>Checks and loads each target in turn, prints the table; true when any target got an unexpected answer.</summary>
    private static async Task<bool> RunAsync<T>(
        HttpClient client, string token, IReadOnlyList<LoadTarget> targets, string how,
        Func<LoadTarget, Task<T>> run, Func<IReadOnlyList<T>, string> format, Func<T, bool> failed)
    {
        var results = new List<T>();
        foreach (var target in targets)
        {
            await target.CheckAsync(client, token);
            Console.Error.WriteLine($"loading {target.Name}: {how}…");
            results.Add(await run(target));
        }

        Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {how}");
        Console.WriteLine();
        Console.Write(format(results));
        return results.Any(failed);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => v.ToString(CultureInfo.InvariantCulture)))
            : "unknown";
}
