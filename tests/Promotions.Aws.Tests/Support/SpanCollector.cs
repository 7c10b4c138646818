using System.Collections.Concurrent;
using System.Diagnostics;
using Promotions.ServiceDefaults.Telemetry;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// Every span of the test process that stops while it listens: the services' own (<c>Promotions</c>), their requests
/// (ASP.NET Core) and their HTTP calls, the AWS SDK's included (HttpClient). The hosts' tracer providers see the same
/// spans; the tests pick theirs by trace id.
/// </summary>
public sealed class SpanCollector : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is PromotionsActivities.SourceName or "System.Net.Http" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> All => [.. _spans];

    public void Dispose() => _listener.Dispose();
}
