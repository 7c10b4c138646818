using System.Diagnostics;
using System.Text.Json;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The aws CLI (and scripts that use it) against the emulator: for the services this suite has no SDK client for
/// (CloudFront), and for the deployment scripts themselves. <c>AWS_ENDPOINT_URL</c> points them at the emulator.
/// </summary>
internal static class AwsCli
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> and returns its standard output; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(Emulator emulator, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.Environment["AWS_DEFAULT_REGION"] = Emulator.Region;
        start.Environment["AWS_PAGER"] = "";
        if (emulator.Endpoint is { } endpoint)
        {
            start.Environment["AWS_ENDPOINT_URL"] = endpoint;
            start.Environment["AWS_ACCESS_KEY_ID"] = "test";
            start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    /// <summary><c>aws <paramref name="arguments"/> --output json</c>, parsed.</summary>
    public static async Task<JsonElement> JsonAsync(Emulator emulator, params string[] arguments)
    {
        using var document = JsonDocument.Parse(await RunAsync(emulator, "aws", [.. arguments, "--output", "json"]));
        return document.RootElement.Clone();
    }
}
