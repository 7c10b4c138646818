using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// The span processor of <see cref="TraceOptions.Exporter"/>: nothing, OTLP as the standard <c>OTEL_EXPORTER_OTLP_*</c>
/// variables say, or OTLP/HTTP (protobuf) to X-Ray's endpoint of the region, <c>https://xray.&lt;region&gt;.amazonaws.com/v1/traces</c>
/// (or <c>/v1/traces</c> of the emulator's endpoint, read as the AWS adapters read theirs),
/// signed by <see cref="SigV4Handler"/> (the function role's <c>xray:PutTraceSegments</c>, which <c>Tracing: Active</c> grants).
/// Spans are batched; <see cref="TraceFlush"/> exports each request's before it answers when the process is a Lambda.
/// </summary>
internal static class TraceExport
{
    public const string None = "none";
    public const string Otlp = "otlp";
    public const string XRay = "xray";

    /// <summary>True when <paramref name="exporter"/> is empty or one of the three.</summary>
    public static bool IsKnown(string? exporter) =>
        string.IsNullOrWhiteSpace(exporter) || exporter.ToLowerInvariant() is None or Otlp or XRay;

    public static string ModeOf(TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mode = options.Traces.Exporter;
        if (string.IsNullOrWhiteSpace(mode))
        {
            return string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")) ? None : Otlp;
        }

        return mode.ToLowerInvariant() is var known && known is None or Otlp or XRay ? known
            : throw new InvalidOperationException($"Telemetry:Traces:Exporter is '{mode}'; it must be 'none', 'otlp' or 'xray'.");
    }

    public static BaseProcessor<Activity> Processor(TelemetryOptions options, IConfiguration configuration, TimeProvider clock)
    {
        switch (ModeOf(options))
        {
            case Otlp:
                return new BatchActivityExportProcessor(new OtlpTraceExporter(new OtlpExporterOptions()));
            case XRay:
                var region = Setting(configuration, "Aws:Region", "AWS_REGION", "AWS_DEFAULT_REGION") ?? "us-east-1";
                var endpoint = Setting(configuration, "Aws:Endpoints:xray", "AWS_ENDPOINT_URL_XRAY", "Aws:EndpointUrl", "AWS_ENDPOINT_URL")
                    ?? $"https://xray.{region}.amazonaws.com";
                var exporter = new OtlpExporterOptions
                {
                    Protocol = OtlpExportProtocol.HttpProtobuf,
                    Endpoint = new Uri(endpoint.TrimEnd('/') + "/v1/traces"),
                    HttpClientFactory = () => new HttpClient(
                        new SigV4Handler(region, "xray", () => Credentials(configuration), clock) { InnerHandler = new SocketsHttpHandler() }),
                };
                return new BatchActivityExportProcessor(new OtlpTraceExporter(exporter));
            default:
                return new NoExport();
        }
    }

    /// <summary>The first of <paramref name="keys"/> that is set, as the AWS adapters read their endpoints and region.</summary>
    private static string? Setting(IConfiguration configuration, params string[] keys) =>
        keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The adapters' static credentials when configured (an emulator, a role session in the tests), else the SDK's chain.</summary>
    private static AWSCredentials Credentials(IConfiguration configuration) =>
        Setting(configuration, "Aws:AccessKeyId") is not { } key ? DefaultAWSCredentialsIdentityResolver.GetCredentials()
        : Setting(configuration, "Aws:SessionToken") is not { } token ? new BasicAWSCredentials(key, configuration["Aws:SecretAccessKey"] ?? "")
        : new SessionAWSCredentials(key, configuration["Aws:SecretAccessKey"] ?? "", token);

    /// <summary>Spans are made (trace ids for logs, metrics and messages) and go nowhere.</summary>
    private sealed class NoExport : BaseProcessor<Activity>;
}
