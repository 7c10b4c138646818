using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Promotions.ServiceDefaults.Metrics;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and structured logs of every service (docs/deploy.md, Operations): OpenTelemetry spans of incoming
/// requests (ASP.NET Core), outgoing HTTP and so every AWS SDK call (HttpClient), and each queue message
/// (<see cref="PromotionsActivities"/>); the X-Ray trace header read and written beside <c>traceparent</c>
/// (<see cref="XRayPropagator"/>); EMF metrics (<see cref="PromotionsMetrics"/>); the <c>json-trace</c> log format.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddPromotionsTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName)
            .Validate(o => TraceExport.IsKnown(o.Traces.Exporter) && o.Traces.FlushTimeout > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.Metrics.Namespace),
                "Telemetry needs Traces:Exporter none, otlp or xray, a positive Traces:FlushTimeout and a Metrics:Namespace.")
            .ValidateOnStart();
        services.TryAddSingleton<ServiceIdentity>();
        services.TryAddSingleton<EmfSink>();
        services.TryAddSingleton<EmfWriter>();
        services.TryAddSingleton(sp => new PromotionsMetrics(sp.GetRequiredService<EmfWriter>()));
        services.AddLogging(logging => logging.AddConsoleFormatter<TraceJsonFormatter, ConsoleFormatterOptions>());

        // ASP.NET Core takes its propagator from the container (registered when the host was made), HttpClient from the static.
        services.Replace(ServiceDescriptor.Singleton(XRayPropagator.Install()));
        if (Propagators.DefaultTextMapPropagator is not XRayTextMapPropagator)
        {
            Sdk.SetDefaultTextMapPropagator(new XRayTextMapPropagator(new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()])));
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddDetector(sp => new ServiceResource(sp.GetRequiredService<ServiceIdentity>().Name)))
            .WithTracing(tracing => tracing
                .AddSource(PromotionsActivities.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = AwsCallSpans.Enrich)
                .AddProcessor(sp => TraceExport.Processor(
                    sp.GetRequiredService<IOptions<TelemetryOptions>>().Value, sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }

    /// <summary>The flush of each request's spans, first in the pipeline, when it is on (<see cref="TraceFlush.IsOn"/>).</summary>
    public static WebApplication UseTraceFlush(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (TraceFlush.IsOn(app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value))
        {
            app.Use(TraceFlush.FlushAfterAsync);
        }

        return app;
    }

    /// <summary>The request metrics of the endpoints that ask for them; after routing.</summary>
    public static WebApplication UseRequestMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(RequestMetrics.MeasureAsync);
        return app;
    }

    private sealed class ServiceResource(string name) : IResourceDetector
    {
        public Resource Detect() => new([new("service.name", name), new("service.namespace", "promotions")]);
    }
}
