using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Promotions.AdminApi.Codes;
using Promotions.Api.Tests.Analytics;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Admin;

/// <summary>
/// <c>POST /events/admin</c>, where a message queue delivers code jobs, on the embedded store: deliveries of one
/// job at once run it once, a delivery out of time hands the job back with exact progress (the in-process worker
/// then finishes it), and a job found running past its lease is failed with what it confirmed.
/// </summary>
public sealed class CodeJobDeliveryTests(CodeJobDeliveryTests.Fixture fixture) : IClassFixture<CodeJobDeliveryTests.Fixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Deliver_TheSameJobManyTimesAtOnce_GeneratesItOnce()
    {
        var job = await QueuedJobAsync(count: 35);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => DeliverAsync(job.Id, job.Id)));

        var finished = await WaitForJobAsync(job.Id);
        Assert.Equal((CodeJobState.Completed, 35), (finished.State, finished.Done));
        Assert.Equal(35, await Get<ICodeStore>().CountAsync(job.PromotionId, default));
        // Each batch's second copy finds the batch's time used up by the first and is asked for again.
        Assert.All(answers, a => Assert.Contains("m1", a));
    }

    [Fact]
    public async Task Deliver_WhenTheTimeIsUpAfterABatch_HandsBackAndTheJobResumesFromItsExactProgress()
    {
        var job = await QueuedJobAsync(count: 47);

        var failures = await DeliverAsync(job.Id);

        Assert.Empty(failures);
        var finished = await WaitForJobAsync(job.Id);
        Assert.Equal((CodeJobState.Completed, 47, (string?)null), (finished.State, finished.Done, finished.Error));
        var codes = new List<string>();
        await foreach (var code in Get<ICodeStore>().ExportAsync(job.PromotionId, default))
        {
            codes.Add(code.Code);
        }

        Assert.Equal(47, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Deliver_OfAJobRunningPastItsLease_FailsItWithTheConfirmedCount()
    {
        var job = await QueuedJobAsync(count: 100, store: false);
        var clock = Get<TimeProvider>();
        await Get<ICodeJobStore>().CreateAsync(job with { State = CodeJobState.Running, Done = 20, LeaseUntil = clock.GetUtcNow().AddMinutes(-1) }, default);

        var failures = await DeliverAsync(job.Id);

        var failed = (await Get<ICodeJobStore>().GetAsync(job.Id, default))!;
        Assert.Empty(failures);
        Assert.Equal(CodeJobState.Failed, failed.State);
        Assert.Contains("20 confirmed codes", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_OfAJobRunningUnderALiveLease_AsksForTheMessageAgain()
    {
        var job = await QueuedJobAsync(count: 100, store: false);
        await Get<ICodeJobStore>().CreateAsync(job with { State = CodeJobState.Running, LeaseUntil = Get<TimeProvider>().GetUtcNow().AddMinutes(10) }, default);

        var failures = await DeliverAsync(job.Id, " ");

        Assert.Equal(["m0", "m1"], failures);
        Assert.Equal(CodeJobState.Running, (await Get<ICodeJobStore>().GetAsync(job.Id, default))!.State);
    }

    [Fact]
    public async Task Deliver_WithoutTheIngestRole_IsForbidden()
    {
        var response = await fixture.As(Roles.Marketer).PostJson("/events/admin", AnalyticsApiFixture.Records("cjb_x"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private T Get<T>()
        where T : notnull => fixture.Services.GetRequiredService<T>();

    /// <summary>A queued generation job of a new code promotion, stored without being handed to the in-process worker.</summary>
    private async Task<CodeJob> QueuedJobAsync(int count, bool store = true)
    {
        var promotionId = await CodeJobTests.CodePromotion(_admin);
        var spec = new CodeJobSpec(null, 12, null, "D-", null, true, 1, null);
        var job = new CodeJob(Ids.New("cjb", Get<TimeProvider>()), promotionId, CodeJobKind.Generate, count, 0, CodeJobState.Queued, null,
            spec.Serialize(), Get<TimeProvider>().GetUtcNow(), null);
        if (store)
        {
            await Get<ICodeJobStore>().CreateAsync(job, default);
        }

        return job;
    }

    /// <summary>Posts an SQS batch of <paramref name="bodies"/> as the Lambda Web Adapter would; returns the failed message ids.</summary>
    private async Task<List<string>> DeliverAsync(params string[] bodies)
    {
        var response = await (await _admin.PostJson("/events/admin", AnalyticsApiFixture.Records(bodies))).Expect(HttpStatusCode.OK);
        return [.. response.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!)];
    }

    // Bounded so a stuck job fails the test instead of hanging it; the bound is not a performance claim.
    private async Task<CodeJob> WaitForJobAsync(string id)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            if (await Get<ICodeJobStore>().GetAsync(id, default) is { State: CodeJobState.Completed or CodeJobState.Failed } job)
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Code job {id} did not finish.");
    }

    /// <summary>Small batches and no time per delivery: every delivery stores one batch, then hands the job back.</summary>
    public sealed class Fixture : AdminApiFixture
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["CodeJobs:BatchSize"] = "10",
            ["CodeJobs:RunTimeLimit"] = "00:00:00",
        };
    }
}
