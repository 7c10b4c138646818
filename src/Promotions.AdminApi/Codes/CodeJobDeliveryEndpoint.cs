using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Promotions.AdminApi.Plans;
using Promotions.AdminApi.Scheduling;
using Promotions.Aws.Events.Lambda;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Events;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Codes;

/// <summary>
/// <c>POST /events/admin</c>: the Admin function's pass-through path, where the Lambda Web Adapter posts the SQS
/// batches of the code-job queue and the plan-step queue. A record whose body is an EventBridge schedule's event runs
/// the schedule's pass (<see cref="ScheduleTickDelivery"/>; several in one batch run it once). A record whose body is a
/// plan step (<see cref="PlanStepMessage"/>, sent by a campaign plan's Step Functions execution) runs it with
/// <see cref="PlanStepDelivery"/>, acknowledged unless the step is
/// not due yet. Any other record's body is a job id; the job runs (or resumes) for at most
/// <see cref="CodeJobOptions.RunTimeLimit"/>, shared by the batch, and the answer lists the records to deliver
/// again: a job another delivery holds, one the batch had no time left for, and any that failed to run.
/// </summary>
internal static partial class CodeJobDeliveryEndpoint
{
    // A Lambda event payload is at most 6 MB.
    private const long MaxBatchBytes = 6 * 1024 * 1024;

    public static void MapCodeJobDeliveries(this IEndpointRouteBuilder app)
    {
        app.MapPost("/events/admin", Deliver)
            .WithTags("Codes")
            .WithName("DeliverCodeJobs")
            .WithSummary("Run the code jobs of an SQS batch; answers the messages to deliver again.")
            .WithBodyLimit(MaxBatchBytes)
            .AsPassThrough()
            .RequireAuthorization(Policies.EventsIngest);
    }

    private static async Task<Ok<BatchResponse>> Deliver(
        SqsBatch batch, CodeJobRunner runner, PlanStepDelivery plans, [FromServices] ScheduleTickDelivery? ticks, IOptions<CodeJobOptions> options,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(CodeJobDeliveryEndpoint));
        var deadline = clock.GetUtcNow() + options.Value.RunTimeLimit;
        var ran = false;
        Task? tick = null;
        return TypedResults.Ok(await SqsBatches.HandleAsync(batch, async (record, token) =>
        {
            // The schedule's ticks come on the plan-step queue; a batch that gathered several runs one pass for all.
            if (ScheduleTickDelivery.IsTick(record.Body))
            {
                if (ticks is null)
                {
                    LogNoSchedule(logger, record.MessageId);
                    return true;
                }

                await (tick ??= ticks.RunAsync(record.MessageId, token));
                return true;
            }

            // The same queue carries the steps of campaign plans (JSON, from their Step Functions executions).
            if (PlanStepMessage.Read(record.Body) is { } step)
            {
                return await plans.DeliverAsync(step, token);
            }

            var jobId = record.Body.Trim();
            if (string.IsNullOrEmpty(jobId))
            {
                LogMalformed(logger, record.MessageId);
                return false;
            }

            // Once the batch's time is used up the rest come again, rather than run past the function's timeout;
            // the first record always runs, so every delivery makes progress.
            var left = deadline - clock.GetUtcNow();
            if (ran && left <= TimeSpan.Zero)
            {
                return false;
            }

            ran = true;
            return await runner.RunAsync(jobId, left > TimeSpan.Zero ? left : TimeSpan.Zero, token) != CodeJobStep.Busy;
        }, logger, ct));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule tick {MessageId} ignored: the adapters find no due steps")]
    private static partial void LogNoSchedule(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} carries no code job id")]
    private static partial void LogMalformed(ILogger logger, string messageId);
}
