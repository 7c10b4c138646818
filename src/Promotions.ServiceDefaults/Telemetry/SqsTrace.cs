using System.Diagnostics;
using Promotions.Domain.Tracing;
using Promotions.ServiceDefaults.Events;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// The span of one queue message: a child of the trace the sender put on it (<c>traceparent</c>, else
/// <c>AWSTraceHeader</c>), so the consumer's work — the analytics write, a code job — joins the trace of the request
/// that caused it, linked to the invocation's own span. A message without a readable trace is a child of the invocation.
/// </summary>
internal static class SqsTrace
{
    public static Activity? StartProcessing(SqsRecord record)
    {
        var invocation = Activity.Current;
        var parent = ParentOf(record);
        var queue = record.EventSourceArn is { } arn ? arn[(arn.LastIndexOf(':') + 1)..] : "sqs";
        ActivityLink[]? links = parent is not null && invocation is not null ? [new ActivityLink(invocation.Context)] : null;
        var activity = PromotionsActivities.Source.StartActivity(
            queue + " process", ActivityKind.Consumer, parent ?? invocation?.Context ?? default, links: links);
        activity?.SetTag("messaging.system", "aws_sqs");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.message.id", record.MessageId);
        return activity;
    }

    /// <summary>The sender's context, or null when the message carries none that reads.</summary>
    public static ActivityContext? ParentOf(SqsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.MessageAttributes?.GetValueOrDefault(XRayTraceHeader.TraceParentAttribute)?.StringValue is { } traceParent
            && ActivityContext.TryParse(traceParent, null, isRemote: true, out var w3c))
        {
            return w3c;
        }

        return record.Attributes?.GetValueOrDefault(XRayTraceHeader.SqsAttribute) is { } header
            && XRayTraceHeader.TryParse(header, out var xray) ? xray : null;
    }
}
