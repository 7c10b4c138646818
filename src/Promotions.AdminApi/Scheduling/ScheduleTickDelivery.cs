using System.Text.Json;

namespace Promotions.AdminApi.Scheduling;

/// <summary>
/// The schedule's tick on AWS: an EventBridge rule (<c>rate(1 minute)</c>, template.yaml) puts its scheduled event on
/// the Admin function's plan-step queue, and the queue's batches reach <c>POST /events/admin</c>. A record whose body is
/// that event runs one <see cref="SchedulePass"/> (the lifecycle steps and pacing; plans have their own delivery there).
/// A tick is always acknowledged, even when its pass fails: the next tick, a minute later, runs the same pass, where a
/// redelivery would come only after the queue's visibility timeout, behind fifteen newer ticks.
/// </summary>
internal sealed partial class ScheduleTickDelivery(SchedulePass pass, ILogger<ScheduleTickDelivery> logger)
{
    private const string Source = "aws.events";
    private const string DetailType = "Scheduled Event";

    /// <summary>Whether an SQS record's body is an EventBridge schedule's event (<c>source</c> and <c>detail-type</c> as AWS documents them).</summary>
    public static bool IsTick(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.TrimStart().StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String && source.ValueEquals(Source)
                && root.TryGetProperty("detail-type", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals(DetailType);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Runs one pass for the tick <paramref name="messageId"/>; a failure is logged, not thrown (see above).</summary>
    public async Task RunAsync(string messageId, CancellationToken ct)
    {
        try
        {
            await pass.RunAsync(withPlans: false, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, messageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule pass of tick {MessageId} failed; the next tick runs it again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string messageId);
}
