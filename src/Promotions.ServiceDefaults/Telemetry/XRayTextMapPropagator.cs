using OpenTelemetry.Context.Propagation;
using Promotions.Domain.Tracing;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry's side of <see cref="XRayPropagator"/>, with the same precedence: OpenTelemetry's ASP.NET Core
/// instrumentation extracts the incoming context again with its default propagator and, where that disagrees with
/// the one ASP.NET Core chose, starts the request's span anew. Both reading the X-Ray header first keeps one answer.
/// </summary>
internal sealed class XRayTextMapPropagator(TextMapPropagator inner) : TextMapPropagator
{
    public override ISet<string> Fields { get; } = new HashSet<string>(inner.Fields ?? new HashSet<string>(), StringComparer.OrdinalIgnoreCase)
    {
        XRayTraceHeader.HeaderName,
    };

    public override PropagationContext Extract<T>(PropagationContext context, T carrier, Func<T, string, IEnumerable<string>?> getter)
    {
        ArgumentNullException.ThrowIfNull(getter);
        var extracted = inner.Extract(context, carrier, getter);
        return getter(carrier, XRayTraceHeader.HeaderName)?.FirstOrDefault() is { } header && XRayTraceHeader.TryParse(header, out var xray)
            ? new PropagationContext(xray, extracted.Baggage)
            : extracted;
    }

    public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter)
    {
        ArgumentNullException.ThrowIfNull(setter);
        inner.Inject(context, carrier, setter);
        if (context.ActivityContext.TraceId != default && context.ActivityContext.SpanId != default)
        {
            setter(carrier, XRayTraceHeader.HeaderName, XRayTraceHeader.Format(context.ActivityContext));
        }
    }
}
