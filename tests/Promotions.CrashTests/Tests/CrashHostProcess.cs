using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.CrashTests;

/// <summary>
/// The crash host as a child process (<c>dotnet Promotions.CrashHost.dll</c>) on a given data directory and
/// port, with a client holding an admin token. Its output is kept so a failing test can show it.
/// </summary>
internal sealed class CrashHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CrashHostProcess(Process process, HttpClient client)
    {
        _process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<CrashHostProcess> StartAsync(string dataDirectory, string signingKey, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var host = Path.Combine(AppContext.BaseDirectory, "Promotions.CrashHost.dll");
        var start = new ProcessStartInfo("dotnet", [host])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Embedded__DataDirectory"] = dataDirectory;
        start.Environment["Auth__SigningKey"] = signingKey;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var token = DevTokens.Create(new AuthOptions { SigningKey = signingKey }, "crash-tests", [Roles.Admin], [], TimeProvider.System);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var child = new CrashHostProcess(process, client);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitUntilReadyAsync();
        return child;
    }

    /// <summary>Records a redemption through the ledger; returns its id once the ledger committed it.</summary>
    public async Task<string> RedeemAsync()
    {
        using var response = await Client.PostAsync("/crash/redemptions", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}\n{Output}");
        return JsonSerializer.Deserialize<string>(text)!;
    }

    /// <summary>Redemptions Analytics counts for the crash campaign; 0 while it knows nothing of it.</summary>
    public async Task<int> CountedRedemptionsAsync()
    {
        using var response = await Client.GetAsync("/analytics/campaigns/cmp_crash");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        using var report = JsonDocument.Parse(text);
        return report.RootElement.GetProperty("totals").EnumerateArray().Sum(t => t.GetProperty("redemptions").GetInt32());
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown hooks, no flushing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            Assert.False(_process.HasExited, "The host exited while starting:\n" + Output);
            try
            {
                using var health = await Client.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("The host did not become ready:\n" + Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
