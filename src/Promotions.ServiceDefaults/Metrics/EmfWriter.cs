using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Promotions.ServiceDefaults.Telemetry;

namespace Promotions.ServiceDefaults.Metrics;

/// <summary>
/// Writes CloudWatch embedded-metric-format documents, one JSON line each, to <see cref="EmfSink"/> (standard output:
/// on Lambda the log agent sends it to the function's log group, and CloudWatch extracts the metrics). The document
/// is the specification's: <c>_aws.Timestamp</c> (epoch milliseconds) and <c>_aws.CloudWatchMetrics</c> (namespace,
/// dimension sets, metric names and units), then every dimension and metric value as a top-level member, plus the
/// <c>service</c> dimension and the current <c>traceId</c>. Off unless <c>Telemetry:Metrics:Emf</c>: locally the lines
/// would only be noise.
/// </summary>
internal sealed class EmfWriter(IOptions<TelemetryOptions> options, ServiceIdentity service, TimeProvider clock, EmfSink sink)
{
    public const string ServiceDimension = "service";

    private readonly bool _enabled = options.Value.Metrics.Emf;
    private readonly string _namespace = options.Value.Metrics.Namespace;

    /// <summary>
    /// One document: <paramref name="directives"/> name the metrics and their dimension sets (<c>service</c> is added to
    /// each set); <paramref name="members"/> writes the values of those dimensions and metrics, and any searchable
    /// property (ids are properties, never dimensions, so they cost nothing per value).
    /// </summary>
    public void Write(IReadOnlyList<EmfDirective> directives, Action<Utf8JsonWriter> members)
    {
        ArgumentNullException.ThrowIfNull(directives);
        ArgumentNullException.ThrowIfNull(members);
        if (!_enabled)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", clock.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            foreach (var directive in directives)
            {
                json.WriteStartObject();
                json.WriteString("Namespace", _namespace);
                json.WriteStartArray("Dimensions");
                foreach (var set in directive.DimensionSets)
                {
                    json.WriteStartArray();
                    json.WriteStringValue(ServiceDimension);
                    foreach (var dimension in set)
                    {
                        json.WriteStringValue(dimension);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteStartArray("Metrics");
                foreach (var (name, unit) in directive.Metrics)
                {
                    json.WriteStartObject();
                    json.WriteString("Name", name);
                    json.WriteString("Unit", unit);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString(ServiceDimension, service.Name);
            members(json);
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
            }

            json.WriteEndObject();
        }

        sink.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
