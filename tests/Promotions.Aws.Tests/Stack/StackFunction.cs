using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// One function of the deployed stack, run in the test: the project its build target publishes
/// (infra/lambda/Makefile), hosted in AWS mode with the settings of <see cref="StackSettings"/> and nothing else
/// but the Lambda runtime's own marker. Requests reach it as the Lambda Web Adapter sends them. The app starts on
/// first use, as a function starts on its first invocation, so one that cannot start fails the steps that reach it.
/// </summary>
public sealed class StackFunction : IAsyncDisposable
{
    private readonly IAsyncDisposable _host;
    private readonly Lazy<(HttpClient Client, HttpClient PassThrough, IServiceProvider Services)> _started;

    private StackFunction(string logicalId, StackSettings settings, IAsyncDisposable host, Func<(HttpClient, HttpClient, IServiceProvider)> start)
    {
        LogicalId = logicalId;
        Settings = settings;
        _host = host;
        _started = new(start);
    }

    public string LogicalId { get; }

    public StackSettings Settings { get; }

    /// <summary>The app as the adapter reaches it for an HTTP API event.</summary>
    public HttpClient Client => _started.Value.Client;

    /// <summary>The app as the adapter reaches it for any other event (no token, <c>x-amzn-request-context: null</c>).</summary>
    public HttpClient PassThrough => _started.Value.PassThrough;

    public IServiceProvider Services => _started.Value.Services;

    /// <summary>The function as its event sources invoke it: at the pass-through path its environment names.</summary>
    public LambdaFunction EventTarget() =>
        new(PassThrough, Settings.StackEnvironment.TryGetValue("AWS_LWA_PASS_THROUGH_PATH", out var path)
            ? path
            : throw new InvalidOperationException($"{LogicalId} has no pass-through path, so no event source can reach it."));

    public static StackFunction Start(string logicalId, string project, StackSettings settings) => project switch
    {
        "Promotions.AdminApi" => Start<global::Promotions.AdminApi.Program>(logicalId, settings),
        "Promotions.PromotionApi" => Start<global::Promotions.PromotionApi.Program>(logicalId, settings),
        "Promotions.Validation" => Start<global::Promotions.Validation.Program>(logicalId, settings),
        "Promotions.Redemption" => Start<global::Promotions.Redemption.Program>(logicalId, settings),
        "Promotions.Analytics" => Start<global::Promotions.Analytics.Program>(logicalId, settings),
        _ => throw new InvalidOperationException($"{logicalId} is built from {project}, which these tests do not host."),
    };

    public async ValueTask DisposeAsync()
    {
        if (_started.IsValueCreated)
        {
            _started.Value.Client.Dispose();
            _started.Value.PassThrough.Dispose();
        }

        await _host.DisposeAsync();
    }

    private static StackFunction Start<TProgram>(string logicalId, StackSettings settings)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = new AwsServiceHost<TProgram>(settings.All, localTokens: false);
        return new StackFunction(logicalId, settings, host, () => (host.CreateClient(), host.PassThrough(), host.Services));
    }
}
