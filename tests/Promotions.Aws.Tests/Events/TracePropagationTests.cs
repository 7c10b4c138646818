using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.Domain.Events;
using Promotions.Domain.Tracing;
using Promotions.ServiceDefaults.Telemetry;
using AnalyticsProgram = Promotions.Analytics.Program;

namespace Promotions.Aws.Tests.Events;

/// <summary>
/// One trace from the change to the analytics write, on moto: an event committed inside a request's span carries that
/// span's context in its outbox item; the relay, run by the table's stream as Lambda runs it, puts it on the SQS
/// message (<c>traceparent</c>, and <c>AWSTraceHeader</c> for X-Ray); the Analytics function, given the queue's batch
/// as Lambda gives it, processes the message in a child span of it, and its DynamoDB writes are children of that.
/// </summary>
public sealed class TracePropagationTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    [Fact]
    public async Task Event_CommittedInARequestsTrace_ReachesTheAnalyticsWriteInThatTrace()
    {
        using var spans = new SpanCollector();
        await using var stack = await RelayStack.StartAsync(aws, streamFilter: StreamEventSource.OutboxInserts);
        await using var analytics = new AwsServiceHost<AnalyticsProgram>(aws.AdapterSettings);
        var source = new SqsEventSource(analytics.Services.GetRequiredService<Amazon.SQS.IAmazonSQS>(), stack.Queue.Url, stack.Queue.Arn,
            Emulator.Region, analytics.Function("/events/analytics"));
        var redeemed = new RedemptionRecorded(RelayStack.EventId(TimeProvider.System), TimeProvider.System.GetUtcNow(), "red_" + Guid.NewGuid().ToString("N"),
            "prm_t", "cmp_" + Guid.NewGuid().ToString("N"), null, "cus_1", "web", "ord_t", 100m, 10m, "EUR", [], []);

        ActivityContext checkout;
        using (var request = new Activity("POST /redemptions").SetIdFormat(ActivityIdFormat.W3C))
        {
            request.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            request.Start();
            checkout = request.Context;
            await stack.CommitAsync(redeemed);
        }

        await stack.Stream.DrainAsync();
        var poll = await source.PollAsync();

        var message = Assert.Single(poll.Received);
        Assert.Equal(XRayTraceHeader.TraceParent(checkout), message.MessageAttributes[XRayTraceHeader.TraceParentAttribute].StringValue);
        Assert.Equal(XRayTraceHeader.Format(checkout), message.Attributes[XRayTraceHeader.SqsAttribute]);
        Assert.Single(poll.Acknowledged);
        var process = Assert.Single(spans.All, s => s.Source.Name == PromotionsActivities.SourceName && s.TraceId == checkout.TraceId);
        Assert.Equal(checkout.SpanId, process.ParentSpanId);
        Assert.Equal(message.MessageId, process.GetTagItem("messaging.message.id"));
        var writes = spans.All.Where(s => s.ParentSpanId == process.SpanId && s.TraceId == checkout.TraceId).Select(s => s.DisplayName).ToList();
        Assert.Contains(writes, name => name.StartsWith("DynamoDB.", StringComparison.Ordinal));
    }
}
