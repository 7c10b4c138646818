using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Promotions.ServiceDefaults.Telemetry;

namespace Promotions.ServiceDefaults.Events;

/// <summary>The loop every SQS pass-through endpoint runs: each record on its own, the failed ones reported for redelivery.</summary>
public static partial class SqsBatches
{
    /// <summary>
    /// Hands each record of <paramref name="batch"/> to <paramref name="handle"/> in order. A record whose handler
    /// answers false, or throws, is listed in the response, so SQS redelivers just that one and not its batch-mates.
    /// </summary>
    public static async Task<BatchResponse> HandleAsync(
        SqsBatch batch, Func<SqsRecord, CancellationToken, Task<bool>> handle, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(handle);
        var failures = new List<BatchItemFailure>();
        foreach (var record in batch.Records)
        {
            using var activity = SqsTrace.StartProcessing(record);
            try
            {
                if (!await handle(record, ct))
                {
                    activity?.SetStatus(ActivityStatusCode.Error, "refused");
                    failures.Add(new BatchItemFailure(record.MessageId));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, record.MessageId);
                activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
                failures.Add(new BatchItemFailure(record.MessageId));
            }
        }

        return new BatchResponse(failures);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string messageId);
}
