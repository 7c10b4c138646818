using System.Diagnostics;
using Promotions.Domain.Tracing;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// The process's trace-context propagator (<see cref="DistributedContextPropagator.Current"/>, which ASP.NET Core reads
/// for incoming requests and HttpClient — the AWS SDK's too — for outgoing ones): W3C <c>traceparent</c> as .NET does,
/// plus the X-Ray header. Extraction prefers a well-formed <c>X-Amzn-Trace-Id</c> with a parent, because on Lambda the
/// Web Adapter sends the invocation's own X-Ray context in it, so a request's spans hang under the function's
/// segment; a malformed or parentless header (an API Gateway root, a client's typo) is ignored, never an error.
/// Injection writes both headers.
/// </summary>
internal sealed class XRayPropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields { get; } = [.. inner.Fields, XRayTraceHeader.HeaderName];

    /// <summary>Makes the X-Ray-aware propagator the process's, once (hosts of one test process share it).</summary>
    public static DistributedContextPropagator Install()
    {
        if (Current is not XRayPropagator)
        {
            Current = new XRayPropagator(Current);
        }

        return Current;
    }

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        inner.Inject(activity, carrier, setter);
        if (activity is { IdFormat: ActivityIdFormat.W3C } && setter is not null)
        {
            setter(carrier, XRayTraceHeader.HeaderName, XRayTraceHeader.Format(activity.Context));
        }
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        if (getter is not null)
        {
            getter(carrier, XRayTraceHeader.HeaderName, out var header, out _);
            if (XRayTraceHeader.TryParse(header, out var context))
            {
                traceId = XRayTraceHeader.TraceParent(context);
                traceState = null;
                return;
            }
        }

        inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        inner.ExtractBaggage(carrier, getter);
}
