using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Events.Lambda;

namespace Promotions.Aws.Events;

/// <summary>
/// The pass-through endpoint of the outbox relay: the function's event sources post their raw event JSON here
/// (the Lambda Web Adapter does the posting). A DynamoDB stream batch is relayed and answered with its partial
/// batch response; the one-minute schedule runs the sweep and hold expiry and is answered with what it did
/// (<see cref="PassThrough.FailureStatus"/> when a part failed, so the adapter fails the invocation visibly). Each kind
/// resolves only what it needs, so a stream batch does not depend on the ledger.
/// </summary>
public static class RelayEndpoint
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>; the caller adds its authorization policy and body limit
    /// (a Lambda event payload is at most 6 MB).
    /// </summary>
    public static RouteHandlerBuilder MapOutboxRelay(this IEndpointRouteBuilder app, string pattern) =>
        app.MapPost(pattern, HandleAsync)
            .WithTags("Events")
            .WithName("RelayOutboxEvents")
            .WithSummary("Relay a DynamoDB stream batch of outbox items to the event queues, or run the one-minute schedule.")
            .AsPassThrough()
            .Accepts<JsonElement>("application/json")
            .Produces<BatchResponse>()
            .Produces<ScheduleReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(PassThrough.FailureStatus);

    private static async Task<IResult> HandleAsync(HttpRequest request, IServiceProvider services, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_json", $"The body is not JSON: {e.Message}", "$");
        }

        using (document)
        {
            try
            {
                if (LambdaEvents.AsStream(document.RootElement) is { } batch)
                {
                    return TypedResults.Ok(await services.GetRequiredService<OutboxRelay>().RelayAsync(batch, ct));
                }

                if (LambdaEvents.AsSchedule(document.RootElement) is not null)
                {
                    var report = await services.GetRequiredService<RelaySchedule>().RunAsync(ct);
                    return report.Complete ? TypedResults.Ok(report)
                        : Problem(PassThrough.FailureStatus, "schedule_incomplete", "A part of the schedule failed; the next run tries again.", "$", report);
                }
            }
            catch (JsonException e)
            {
                return Problem(StatusCodes.Status400BadRequest, "invalid_event", $"The event does not have its documented shape: {e.Message}", e.Path ?? "$");
            }

            return Problem(StatusCodes.Status400BadRequest, "unknown_event",
                "Not a DynamoDB stream batch (Records from aws:dynamodb) nor a schedule event (source aws.events, detail-type Scheduled Event).", "$");
        }
    }

    // The ProblemDetails shape of every service (ServiceDefaults' Problems): a top-level code and an errors array.
    private static ProblemHttpResult Problem(int status, string code, string message, string path, ScheduleReport? report = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = message,
            Type = $"https://promotions.dev/problems/{code.Replace('_', '-')}",
        };
        problem.Extensions["code"] = code;
        problem.Extensions["errors"] = new[] { new { code, message, path } };
        if (report is not null)
        {
            problem.Extensions["report"] = report;
        }

        return TypedResults.Problem(problem);
    }
}
