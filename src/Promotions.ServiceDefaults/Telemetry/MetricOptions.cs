namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>The embedded-metric-format lines (section <c>Telemetry:Metrics</c>).</summary>
public sealed class MetricOptions
{
    /// <summary>Write EMF lines to standard output (where Lambda's log agent takes them to CloudWatch).</summary>
    public bool Emf { get; set; }

    /// <summary>The CloudWatch namespace; template.yaml makes it <c>Promotions/&lt;stack&gt;</c>.</summary>
    public string Namespace { get; set; } = "Promotions";
}
