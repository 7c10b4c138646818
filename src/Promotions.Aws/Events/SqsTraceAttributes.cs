using System.Diagnostics;
using Amazon.SQS.Model;
using Promotions.Domain.Tracing;

namespace Promotions.Aws.Events;

/// <summary>
/// The trace a message carries to its consumer: the W3C <c>traceparent</c> as a message attribute (what the services
/// read) and the same context as the X-Ray header in the <c>AWSTraceHeader</c> system attribute (what SQS and Lambda
/// read, so X-Ray links the queue too). Neither counts as the message's body; a malformed context adds nothing.
/// </summary>
internal static class SqsTraceAttributes
{
    /// <summary>Adds the <c>traceparent</c> to <paramref name="attributes"/>; returns the system attributes to set, or null.</summary>
    public static Dictionary<string, MessageSystemAttributeValue>? Add(Dictionary<string, MessageAttributeValue> attributes, string? traceParent)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, out var context))
        {
            return null;
        }

        attributes[XRayTraceHeader.TraceParentAttribute] = new() { DataType = "String", StringValue = traceParent };
        return new() { [XRayTraceHeader.SqsAttribute] = new() { DataType = "String", StringValue = XRayTraceHeader.Format(context) } };
    }
}
