using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Packaging;

/// <summary>
/// What a function's Lambda package carries: infra/lambda/Makefile publishes each service with <c>AdapterSet=aws</c>,
/// so the package has the aws adapters and no SQLite (Microsoft.Data.Sqlite, the SQLitePCLRaw native libraries),
/// which only the embedded adapters use. The everyday build of the same project still has both sets.
/// </summary>
public sealed class LambdaPackageTests
{
    public static TheoryData<string> Services => new() { "AdminApi", "PromotionApi", "Validation", "Redemption", "Analytics" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task RestoreForLambda_WhenAdapterSetIsAws_ResolvesNoSqliteAndNoEmbeddedAdapters(string service)
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "Promotions." + service);
        var restore = await RunAsync("dotnet", ["restore", "--nologo", Path.Combine(project, $"Promotions.{service}.csproj"), "-r", "linux-arm64", "-p:AdapterSet=aws"]);
        Assert.True(restore.ExitCode == 0, restore.Output);

        var lambda = Libraries(Path.Combine(project, "obj", "aws", "project.assets.json"));
        var everyday = Libraries(Path.Combine(project, "obj", "project.assets.json"));

        Assert.Contains("Promotions.Aws", lambda);
        Assert.DoesNotContain(lambda, IsEmbedded);
        // The same check finds them in the everyday build, which the tests and `dotnet run` use.
        Assert.Contains(everyday, IsEmbedded);
    }

    /// <remarks>
    /// Built for this machine's runtime identifier instead of Lambda's linux-arm64, so that it can start here: a
    /// ReadyToRun image of another architecture does not load. The dependency graph is the same (the theory above).
    /// </remarks>
    [Fact]
    public async Task MakefileBuild_PublishesAPackageWithoutSqlite_ThatRefusesTheEmbeddedMode()
    {
        var artifacts = Directory.CreateTempSubdirectory("lambda-package-").FullName;
        try
        {
            var build = await RunAsync("make", ["-f", "infra/lambda/Makefile", "build-ValidationFunction", $"ARTIFACTS_DIR={artifacts}", $"RUNTIME={RuntimeInformation.RuntimeIdentifier}"]);
            Assert.True(build.ExitCode == 0, build.Output);

            var files = Directory.GetFiles(artifacts, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
            Assert.Contains("run.sh", files);
            Assert.Contains("Promotions.Validation.dll", files);
            Assert.Contains("AWSSDK.DynamoDBv2.dll", files);
            Assert.DoesNotContain(files, f => f!.Contains("sqlite", StringComparison.OrdinalIgnoreCase) || f.StartsWith("Promotions.Embedded", StringComparison.Ordinal));
            var deps = await File.ReadAllTextAsync(Path.Combine(artifacts, "Promotions.Validation.deps.json"));
            Assert.DoesNotContain("sqlite", deps, StringComparison.OrdinalIgnoreCase);

            // Built without the embedded adapters, the service says so at start instead of failing on a missing assembly.
            var embedded = await RunAsync("dotnet", [Path.Combine(artifacts, "Promotions.Validation.dll")], new() { ["Adapters__Mode"] = "embedded" });
            Assert.NotEqual(0, embedded.ExitCode);
            Assert.Contains("only the aws adapters", embedded.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    private static bool IsEmbedded(string library) =>
        library.StartsWith("Microsoft.Data.Sqlite", StringComparison.OrdinalIgnoreCase)
        || library.StartsWith("SQLitePCLRaw", StringComparison.OrdinalIgnoreCase)
        || library == "Promotions.Embedded";

    /// <summary>Names of the libraries (packages and projects) an assets file resolved, without their versions.</summary>
    private static List<string> Libraries(string assetsFile)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
        return [.. assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0])];
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
