namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>Where spans go (section <c>Telemetry:Traces</c>).</summary>
public sealed class TraceOptions
{
    /// <summary>
    /// <c>none</c> (spans are made, for the trace ids of logs and messages, and dropped), <c>otlp</c> (OTLP to the
    /// endpoint of the standard <c>OTEL_EXPORTER_OTLP_*</c> variables) or <c>xray</c> (OTLP/HTTP to X-Ray's endpoint of
    /// the region, SigV4-signed with the function's credentials). Empty: <c>otlp</c> when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, else <c>none</c>.
    /// </summary>
    public string? Exporter { get; set; }

    /// <summary>
    /// Export each request's spans before its response completes (a Lambda is frozen after it answers, so a background
    /// export would wait for the next invocation or be lost). Empty: true with the <c>xray</c> exporter.
    /// </summary>
    public bool? FlushEachRequest { get; set; }

    /// <summary>How long a request may wait for that export; past it the spans stay queued for the next one.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
}
