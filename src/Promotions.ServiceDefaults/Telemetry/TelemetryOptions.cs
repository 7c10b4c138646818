namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// Configuration of traces and metrics (section <c>Telemetry</c>; docs/deploy.md, Operations). Logs are configured
/// where .NET configures them (<c>Logging</c>): <c>Logging:Console:FormatterName</c> <c>json-trace</c> selects
/// <see cref="TraceJsonFormatter"/>.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The service's name in spans and in the <c>service</c> dimension of metrics; empty takes it from the application
    /// (<c>Promotions.Redemption</c> is <c>redemption</c>, <c>Promotions.AdminApi</c> is <c>admin-api</c>).
    /// </summary>
    public string? ServiceName { get; set; }

    public TraceOptions Traces { get; set; } = new();

    public MetricOptions Metrics { get; set; } = new();
}

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

/// <summary>The embedded-metric-format lines (section <c>Telemetry:Metrics</c>).</summary>
public sealed class MetricOptions
{
    /// <summary>Write EMF lines to standard output (where Lambda's log agent takes them to CloudWatch).</summary>
    public bool Emf { get; set; }

    /// <summary>The CloudWatch namespace; template.yaml makes it <c>Promotions/&lt;stack&gt;</c>.</summary>
    public string Namespace { get; set; } = "Promotions";
}
