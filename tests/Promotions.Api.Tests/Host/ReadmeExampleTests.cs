using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Promotions.Aws.Tests.Support;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// The README's worked example, as written: its bash block, run by bash (with curl and jq) against the local host
/// started as the README says (<c>dotnet run --project src/Promotions.LocalHost -- --demo</c>, here <c>--no-build</c>)
/// on its port, in a data folder of its own. It must end with the redemption agreeing with the quote.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task WorkedExample_RunAsWritten_RedeemsExactlyWhatWasQuoted()
    {
        var script = WorkedExample(await File.ReadAllTextAsync(Path.Combine(Root, "README.md")));
        var data = LocalHostFactory.NewTempDirectory();
        using var host = Run("dotnet", ["run", "--no-build", "-c", Configuration, "--project", "src/Promotions.LocalHost", "--", "--demo",
            "--urls=http://localhost:5080"], data);
        try
        {
            await WaitHealthyAsync(host);
            using var example = Run("bash", ["-euo", "pipefail", "-c", script], data);
            var output = await example.StandardOutput.ReadToEndAsync();
            var errors = await example.StandardError.ReadToEndAsync();
            await example.WaitForExitAsync();

            Assert.True(example.ExitCode == 0, $"exit {example.ExitCode}\n{output}\n{errors}");
            Assert.DoesNotContain("The code job", output, StringComparison.Ordinal);
            var verdict = JsonDocument.Parse(output[output.LastIndexOf('{')..]).RootElement;
            Assert.True(verdict.GetProperty("same").GetBoolean(), output);
            Assert.Equal(verdict.GetProperty("quoted").GetDecimal(), verdict.GetProperty("redeemed").GetDecimal());
            Assert.True(verdict.GetProperty("redeemed").GetDecimal() > 0m, output);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            LocalHostFactory.DeleteDirectory(data);
        }
    }

    /// <summary>The first bash block after the heading "A worked example".</summary>
    private static string WorkedExample(string readme)
    {
        var section = readme[readme.IndexOf("## A worked example", StringComparison.Ordinal)..];
        var start = section.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length;
        return section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    private static Process Run(string file, string[] arguments, string data)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The host and the example's token command share the data folder, and so the signing key.
        start.Environment["Embedded__DataDirectory"] = data;
        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
    }

    private static async Task WaitHealthyAsync(Process host)
    {
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            Assert.False(host.HasExited, $"The host stopped ({(host.HasExited ? host.ExitCode : 0)}).");
            try
            {
                using var health = await http.GetAsync(new Uri("http://localhost:5080/health"));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail("The host did not answer /health within 120 s.");
    }

    private static string Configuration =>
        typeof(ReadmeExampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string Root => RepositoryRoot.Path;
}
