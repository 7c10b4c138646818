using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// Exports a request's spans before its response completes, for a Lambda: once the Web Adapter has the response the
/// invocation returns and the function may be frozen, so spans left in the batch queue would wait for the next
/// invocation, or be lost with the instance. Runs first in the pipeline; after the rest of it has answered, it ends the
/// request's server span itself (which ASP.NET Core would end only after the last byte is sent, too late), with the
/// route, status and error the instrumentation would have put on it, and flushes the tracer provider for at most
/// <see cref="TraceOptions.FlushTimeout"/>. Spans a slow export leaves behind go with the next request's.
/// </summary>
internal static class TraceFlush
{
    public static async Task FlushAfterAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Features.Get<IHttpActivityFeature>()?.Activity is { IsStopped: false } activity)
            {
                End(activity, context);
            }

            var provider = context.RequestServices.GetService<TracerProvider>();
            var timeout = context.RequestServices.GetRequiredService<IOptions<TelemetryOptions>>().Value.Traces.FlushTimeout;
            provider?.ForceFlush((int)timeout.TotalMilliseconds);
        }
    }

    private static void End(Activity activity, HttpContext context)
    {
        var status = context.Response.StatusCode;
        activity.SetTag("http.response.status_code", status);
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            activity.SetTag("http.route", route);
            activity.DisplayName = $"{context.Request.Method} {route}";
        }

        if (status >= 500)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Stop();
    }

    /// <summary>True when each request flushes: as configured, else with the X-Ray exporter (Lambda).</summary>
    public static bool IsOn(TelemetryOptions options) =>
        options.Traces.FlushEachRequest ?? TraceExport.ModeOf(options) == TraceExport.XRay;
}
