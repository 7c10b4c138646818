using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Codes;

/// <summary>Bulk code generation: accept a job (202) and report its progress.</summary>
internal static partial class CodeJobEndpoints
{
    public static void MapCodeJobs(this RouteGroupBuilder admin)
    {
        admin.MapPost("/promotions/{id}/code-jobs", Start).WithTags("Codes")
            .Describe(Policies.CatalogWrite, "StartCodeJob", "Generate codes for a code promotion in the background.", 400, 404, 409, 503);
        admin.MapGet("/code-jobs/{jobId}", Get).WithTags("Codes")
            .Describe(Policies.CatalogRead, "GetCodeJob", "Progress of a code job: state, done, total, error.", 404);
    }

    private static async Task<Results<Accepted<CodeJobResponse>, ProblemHttpResult>> Start(
        string id, CodeJobRequest body, IPromotionStore promotions, ICodeStore codes, ICodeJobStore jobs,
        ICodeJobQueue queue, CodeGenerator generator, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (spec, parsed, count, errors) = CodeJobSpec.From(body, now);
        if (errors.Count > 0)
        {
            return Problems.From(errors);
        }

        var (promotion, problem) = await CodePromotions.FindForCodesAsync(promotions, id, adding: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        // Refuse here, with the numbers, rather than accept a job that can only fail.
        if (generator.Policy.Check(parsed!, count, await codes.CountAsync(promotion!.Id, ct)) is { } refusal)
        {
            return Problems.From(refusal);
        }

        var job = new CodeJob(Ids.New("cjb", clock), promotion.Id, CodeJobKind.Generate, count, 0, CodeJobState.Queued, null, spec.Serialize(), now, null);
        await jobs.CreateAsync(job, ct);
        try
        {
            await queue.EnqueueAsync(job.Id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A job no runner will ever see must not stay "queued": it is failed, and the client told to try again.
            LogNotQueued(loggers.CreateLogger(typeof(CodeJobEndpoints)), e, job.Id);
            await jobs.SaveAsync(job with { State = CodeJobState.Failed, Error = "The job could not be handed to a runner.", CompletedAt = clock.GetUtcNow() }, ct);
            var error = new DomainError("queue_unavailable", "Code jobs cannot be queued right now; try again shortly.", "$");
            return TypedResults.Problem(Problems.Create(StatusCodes.Status503ServiceUnavailable, error.Code, error.Message, [error]));
        }

        return TypedResults.Accepted($"/admin/code-jobs/{job.Id}", CodeJobResponse.From(job));
    }

    private static async Task<Results<Ok<CodeJobResponse>, ProblemHttpResult>> Get(string jobId, ICodeJobStore jobs, CancellationToken ct) =>
        await jobs.GetAsync(jobId, ct) is { } job
            ? TypedResults.Ok(CodeJobResponse.From(job))
            : Problems.From(new DomainError("not_found", $"No code job with id '{jobId}'.", "$.jobId"));

    [LoggerMessage(Level = LogLevel.Error, Message = "Code job {JobId} could not be queued and is marked failed")]
    private static partial void LogNotQueued(ILogger logger, Exception exception, string jobId);
}
