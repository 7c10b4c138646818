using Promotions.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Aws.Events.Lambda;
using Promotions.Domain.Analytics;
using Promotions.ServiceDefaults.Events;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.Metrics;

namespace Promotions.Analytics.Events;

/// <summary>
/// <c>POST /events/analytics</c>: an SQS batch of event envelopes, each applied once by the analytics consumer;
/// the answer lists the messages to redeliver. Locally it is also a way to feed events by hand.
/// </summary>
internal static partial class EventIngestEndpoints
{
    // A Lambda event payload is at most 6 MB.
    private const long MaxBatchBytes = 6 * 1024 * 1024;

    public static void MapEventIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/events/analytics", Ingest)
            .WithTags("Analytics")
            .WithName("IngestAnalyticsEvents")
            .WithSummary("Apply an SQS batch of events; answers the messages that failed.")
            .WithBodyLimit(MaxBatchBytes)
            .AsPassThrough()
            .RequireAuthorization(Policies.EventsIngest);
    }

    private static async Task<Ok<BatchResponse>> Ingest(
        SqsBatch batch, AnalyticsConsumer consumer, PromotionsMetrics metrics, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(EventIngestEndpoints));
        return TypedResults.Ok(await SqsBatches.HandleAsync(batch, async (record, token) =>
        {
            var outcome = await consumer.ConsumeAsync(record.Body, token);
            var type = record.MessageAttributes?.GetValueOrDefault("type")?.StringValue;
            if (outcome == ConsumeOutcome.Parked)
            {
                metrics.EventParked("unreadable_version", record.MessageId, type);
            }

            if (outcome != ConsumeOutcome.Malformed)
            {
                return true;
            }

            metrics.EventParked("malformed", record.MessageId, type);
            LogMalformed(logger, record.MessageId);
            return false;
        }, logger, ct));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} is not an event envelope")]
    private static partial void LogMalformed(ILogger logger, string messageId);
}
