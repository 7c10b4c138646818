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
