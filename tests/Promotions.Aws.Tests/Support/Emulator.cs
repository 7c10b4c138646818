using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The AWS endpoint the tests run against, started once per test run. By default moto's server on a free loopback
/// port (through <c>Support/moto_server.py</c>), killed when the test process exits. <c>PROMOTIONS_TEST_AWS_ENDPOINT</c> points the tests at a
/// running emulator instead (LocalStack: <c>http://localhost:4566</c>); <c>PROMOTIONS_TEST_AWS=real</c> runs them
/// against the account of the default credentials (tables and queues get unique names and are deleted after).
/// </summary>
public sealed class Emulator
{
    private static readonly Lazy<Task<Emulator>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Process? _process;

    private Emulator(string? endpoint, bool isMoto, Process? process = null)
    {
        Endpoint = endpoint;
        IsMoto = isMoto;
        _process = process;
    }

    /// <summary>The endpoint URL, or null for real AWS.</summary>
    public string? Endpoint { get; }

    /// <summary>True when the endpoint is the moto server these tests started (moto-only APIs such as reset work).</summary>
    public bool IsMoto { get; }

    public static string Region => Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } region ? region : "us-east-1";

    public static Task<Emulator> GetAsync() => Shared.Value;

    /// <summary>
    /// A moto server of its own, for tests that change how the whole server behaves (IAM enforcement), which the
    /// shared one must not; stopped by <see cref="Stop()"/> or when the test process exits.
    /// </summary>
    public static Task<Emulator> StartOwnAsync() => StartMotoAsync();

    /// <summary>
    /// From now on moto checks every request against the policies of the caller (moto's <c>/moto-api/reset-auth</c>,
    /// which sets <c>INITIAL_NO_AUTH_ACTION_COUNT</c> to 0): requests signed with an assumed role's session are
    /// allowed only what the role's policies allow, and any other credentials but an IAM user's keys are refused.
    /// </summary>
    public async Task EnforceIamAsync()
    {
        Assert.True(IsMoto && _process is not null, "IAM enforcement needs a moto server of the test's own (StartOwnAsync).");
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Endpoint + "/moto-api/reset-auth"), new StringContent("0"));
        response.EnsureSuccessStatusCode();
    }

    public void Stop()
    {
        if (_process is not null)
        {
            Stop(_process);
        }
    }

    private static async Task<Emulator> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PROMOTIONS_TEST_AWS") == "real")
        {
            return new Emulator(null, isMoto: false);
        }

        if (Environment.GetEnvironmentVariable("PROMOTIONS_TEST_AWS_ENDPOINT") is { Length: > 0 } given)
        {
            return new Emulator(given, isMoto: false);
        }

        return await StartMotoAsync();
    }

    private static async Task<Emulator> StartMotoAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            // moto's own server app, started by Support/moto_server.py, which says what it changes and why.
            var launcher = Path.Combine(AppContext.BaseDirectory, "Support", "moto_server.py");
            var process = Process.Start(new ProcessStartInfo("python3", [launcher, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("moto_server did not start.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process);

            var endpoint = $"http://127.0.0.1:{port}";
            if (await WaitUntilUpAsync(endpoint, process))
            {
                return new Emulator(endpoint, isMoto: true, process);
            }

            Stop(process);
            if (attempt == 2)
            {
                throw new InvalidOperationException("moto's server did not answer on three ports; is moto installed for python3 (pip install 'moto[server]')?");
            }
        }
    }

    private static async Task<bool> WaitUntilUpAsync(string endpoint, Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint + "/moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting, too slow to answer.
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
