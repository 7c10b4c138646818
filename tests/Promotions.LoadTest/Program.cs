using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Promotions.LocalHost;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.LoadTest;

/// <summary>
/// Starts the local host in this process on a free loopback port, with a temp data directory and the demo
/// data, then loads each target in turn and prints one Markdown table. Nothing leaves 127.0.0.1.
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
            var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
            var token = DevTokens.Create(auth, "load-test", [Roles.Admin], [], TimeProvider.System);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
            var runner = new LoadRunner(client, token, options);

            var results = new List<LoadResult>();
            foreach (var target in Targets.All)
            {
                await runner.CheckAsync(target);
                Console.Error.WriteLine($"loading {target.Name} ({options.WarmupSeconds} s warm-up, {options.DurationSeconds} s measured, {options.Concurrency} in flight)…");
                results.Add(await runner.RunAsync(target));
            }

            Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
                $"{options.Concurrency} concurrent, {options.WarmupSeconds} s warm-up, {options.DurationSeconds} s per target");
            Console.WriteLine();
            Console.Write(ResultTable.Format(results));
            return results.Any(r => r.Errors > 0) ? 1 : 0;
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
}
