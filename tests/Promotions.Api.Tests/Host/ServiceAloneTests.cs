using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Promotions.Aws.Tests.Support;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Hosting;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Each service project run alone as the README says (<c>dotnet run --project src/Promotions.&lt;Service&gt;</c>,
/// here with <c>--no-build</c>, as a real process on a free port): it starts, answers <c>/health</c>, and takes a token
/// signed with the key file of its data directory, which by default is the local host's.
/// </summary>
public sealed class ServiceAloneTests
{
    public static TheoryData<string, string, string> Services => new()
    {
        { "AdminApi", "GET", "/admin/campaigns" },
        { "PromotionApi", "GET", "/offers/search" },
        { "Validation", "POST", "/validate" },
        { "Redemption", "GET", "/redemptions/red_00000000000000000000000001" },
        { "Analytics", "GET", "/analytics/overview" },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task DotnetRun_StartsTheService_AndItTakesALocalToken(string service, string method, string path)
    {
        var data = LocalHostFactory.NewTempDirectory();
        var key = LocalSigningKey.LoadOrCreate(data);
        var port = FreePort();
        using var process = Start(service, port, data);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(http, process);

            using var unsigned = await http.SendAsync(Request(method, path, token: null));
            using var signed = await http.SendAsync(Request(method, path, DevTokens.Create(new AuthOptions { SigningKey = key }, "tester", [Roles.Admin], [], TimeProvider.System)));

            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
            Assert.True(signed.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)signed.StatusCode < 500,
                $"{service}: {method} {path} answered {(int)signed.StatusCode}: {await signed.Content.ReadAsStringAsync()}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            LocalHostFactory.DeleteDirectory(data);
        }
    }

    [Theory]
    [InlineData("AdminApi")]
    [InlineData("PromotionApi")]
    [InlineData("Validation")]
    [InlineData("Redemption")]
    [InlineData("Analytics")]
    public void ByDefault_TheServiceUsesTheLocalHostsDataDirectory_SoItsKeyFileToo(string service) =>
        Assert.Equal(DataDirectoryOf("LocalHost"), DataDirectoryOf(service));

    private static string DataDirectoryOf(string project)
    {
        var folder = Path.Combine(Root, "src", "Promotions." + project);
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(folder, "appsettings.json")).Build();
        return LocalSigningKey.DataDirectory(configuration, folder);
    }

    private static Process Start(string service, int port, string data)
    {
        var configuration = typeof(ServiceAloneTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["run", "--no-build", "-c", configuration, "--project", $"src/Promotions.{service}", "--",
            $"--urls=http://127.0.0.1:{port}", $"--Embedded:DataDirectory={data}"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process process)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                Assert.Fail($"The service stopped ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
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

        Assert.Fail("The service did not answer /health within 90 s.");
    }

    private static HttpRequestMessage Request(string method, string path, string? token)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("""{"channel":"web","cart":{"currency":"EUR","lines":[]}}""", Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static string Root => RepositoryRoot.Path;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
