using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// template.yaml deployed once (<see cref="DeployedStack"/>), its user pool created through the Cognito API
/// (<see cref="StackUserPool"/>), each of its functions running the project its build target publishes
/// (<see cref="StackFunction"/>), and its HTTP API routing to them (<see cref="StackHttpApi"/>).
/// </summary>
public sealed partial class StackFixture : IAsyncLifetime
{
    private readonly Dictionary<string, StackFunction> _functions = new(StringComparer.Ordinal);
    private readonly Func<StackFixture, Task<IReadOnlyDictionary<string, ImmutableCredentials>>>? _roleSessions;
    private IReadOnlyDictionary<string, ImmutableCredentials> _sessions = new Dictionary<string, ImmutableCredentials>();

    public StackFixture()
        : this(new DeployedStack(), null)
    {
    }

    /// <param name="stack">The stack to deploy.</param>
    /// <param name="roleSessions">
    /// Run once the stack and its pool exist, before any function is configured: the credentials each function
    /// signs its AWS calls with, by logical id (a function left out signs with the emulator's root credentials).
    /// </param>
    internal StackFixture(DeployedStack stack, Func<StackFixture, Task<IReadOnlyDictionary<string, ImmutableCredentials>>>? roleSessions)
    {
        Stack = stack;
        _roleSessions = roleSessions;
    }

    public DeployedStack Stack { get; }

    public StackUserPool Pool { get; private set; } = null!;

    public IReadOnlyDictionary<string, StackFunction> Functions => _functions;

    public StackHttpApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Stack.InitializeAsync();
        Pool = await StackUserPool.CreateAsync(Stack);
        if (_roleSessions is not null)
        {
            _sessions = await _roleSessions(this);
        }

        var makefile = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "infra", "lambda", "Makefile"));
        foreach (Match target in BuildTarget().Matches(makefile))
        {
            var logicalId = target.Groups[1].Value;
            _functions[logicalId] = StackFunction.Start(logicalId, target.Groups[2].Value, StackSettings.For(Stack, Pool, logicalId, _sessions.GetValueOrDefault(logicalId)));
        }

        Assert.Equal(Stack.Functions.Keys.Order(StringComparer.Ordinal), _functions.Keys.Order(StringComparer.Ordinal));
        Api = new StackHttpApi(Stack.Template, _functions);
    }

    /// <summary>What a function signs its AWS calls with, and Lambda its event source mappings' polls: its role's session, or the emulator's root credentials.</summary>
    public AWSCredentials Credentials(string logicalId) =>
        _sessions.TryGetValue(logicalId, out var session)
            ? new SessionAWSCredentials(session.AccessKey, session.SecretKey, session.Token)
            : new BasicAWSCredentials("test", "test");

    /// <summary>
    /// An event source mapping of the template: the logical id of its source (a table or queue), the function it
    /// invokes, and its properties.
    /// </summary>
    public (string Source, StackFunction Function, JsonObject Properties) EventSource(string mappingLogicalId)
    {
        var properties = TemplateValues.Resources(Stack.Template)[mappingLogicalId]!["Properties"]!.AsObject();
        var source = properties["EventSourceArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var function = properties["FunctionName"]!["Ref"]!.GetValue<string>();
        return (source, _functions[function], properties);
    }

    public async Task DisposeAsync()
    {
        foreach (var function in _functions.Values)
        {
            await function.DisposeAsync();
        }

        await Stack.DisposeAsync();
    }

    // A target of infra/lambda/Makefile: build-<LogicalId>: followed by $(call publish,<Project>).
    [GeneratedRegex(@"^build-(\w+):\s*\n\t\$\(call publish,([\w.]+)\)", RegexOptions.Multiline)]
    private static partial Regex BuildTarget();
}
