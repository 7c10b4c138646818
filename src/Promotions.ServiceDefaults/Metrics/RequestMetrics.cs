using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Promotions.ServiceDefaults.Metrics;

/// <summary>
/// Request metrics of the endpoints that carry <see cref="RequestMetricName"/> (checkout): every answer, 5xx included
/// (an exception is measured as the 500 the exception handler will make of it), as <see cref="PromotionsMetrics.Answered"/>.
/// What the alarms on checkout's error rate and p99 read: API Gateway's metrics are per API, not per route, unless
/// detailed metrics (a paid metric per route) are turned on.
/// </summary>
public static class RequestMetrics
{
    /// <summary>Measures the endpoint's requests under <paramref name="name"/> (<c>Checkout</c> gives <c>CheckoutRequests</c>, …).</summary>
    public static TBuilder WithRequestMetric<TBuilder>(this TBuilder builder, string name)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestMetricName(name));

    /// <summary>The middleware; after routing, so the endpoint's metadata is known.</summary>
    internal static async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequestMetricName>() is not { } metric)
        {
            await next(context);
            return;
        }

        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var metrics = context.RequestServices.GetRequiredService<PromotionsMetrics>();
        var started = clock.GetTimestamp();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            // A caller that went away is not a server error.
            status = status == StatusCodes.Status500InternalServerError && context.RequestAborted.IsCancellationRequested ? 499 : status;
            metrics.Answered(metric.Name, status, clock.GetElapsedTime(started));
        }
    }
}
