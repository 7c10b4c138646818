using System.Diagnostics;
using System.Text.Json;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// template.yaml deployed to the emulator once per test class, as <c>sam deploy</c> would: the SAM transform
/// applied with aws-sam-translator, then a CloudFormation stack created and awaited
/// (infra/scripts/deploy_stack.py). Holds the stack's outputs, its resources and each function's environment.
/// </summary>
public sealed class DeployedStack : IAsyncLifetime
{
    private readonly Func<Task<Emulator>> _emulator;

    public DeployedStack()
        : this(Emulator.GetAsync)
    {
    }

    /// <summary>A stack on the emulator <paramref name="emulator"/> gives (the shared one by default).</summary>
    internal DeployedStack(Func<Task<Emulator>> emulator) => _emulator = emulator;

    public string StackName { get; } = "promotions-" + Guid.NewGuid().ToString("N")[..8];

    public Emulator Emulator { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Outputs { get; private set; } = new Dictionary<string, string>();

    /// <summary>Environment variables of each function, by logical id (e.g. <c>RedemptionFunction</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Functions { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Created resources by logical id: type and physical id.</summary>
    public IReadOnlyDictionary<string, (string Type, string? Id)> Resources { get; private set; } =
        new Dictionary<string, (string, string?)>();

    /// <summary>The template as CloudFormation received it (after the SAM transform).</summary>
    public JsonElement Template { get; private set; }

    public async Task InitializeAsync()
    {
        Emulator = await _emulator();
        var arguments = new List<string>
        {
            Path.Combine(RepositoryRoot.Path, "infra", "scripts", "deploy_stack.py"),
            "--stack-name", StackName,
            "--region", Emulator.Region,
            "--template", Path.Combine(RepositoryRoot.Path, "template.yaml"),
        };
        if (Emulator.Endpoint is { } endpoint)
        {
            arguments.AddRange(["--endpoint", endpoint]);
        }

        var start = new ProcessStartInfo("python3", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        if (Emulator.Endpoint is not null)
        {
            start.Environment["AWS_ACCESS_KEY_ID"] = "test";
            start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"deploy_stack.py failed ({process.ExitCode}): {await stderr}");
        }

        using var document = JsonDocument.Parse(await stdout);
        var root = document.RootElement;
        Template = root.GetProperty("template").Clone();
        Outputs = root.GetProperty("outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Functions = root.GetProperty("functions").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (IReadOnlyDictionary<string, string>)p.Value.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString()!));
        Resources = root.GetProperty("resources").EnumerateObject().ToDictionary(
            p => p.Name,
            p => (p.Value.GetProperty("type").GetString()!, p.Value.GetProperty("id").GetString()));
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
