using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Support;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Admin;

/// <summary>
/// Code jobs on AWS end to end: the Admin API (AWS mode) stores a job and sends it to the code-job queue; the test
/// receives the queue's messages and posts them to <c>/events/admin</c> as the Lambda SQS integration does, deleting
/// the ones the answer does not list. Each delivery has no time to spare, so the job goes batch by batch through
/// hand-backs on the queue; a message delivered again, alone or twice at once, generates nothing twice.
/// </summary>
public sealed class CodeJobQueueTests : IClassFixture<CodeJobQueueResources>, IDisposable
{
    private readonly CodeJobQueueResources _aws;
    private readonly AdminOnAws _host;
    private readonly HttpClient _admin;

    public CodeJobQueueTests(CodeJobQueueResources aws)
    {
        _aws = aws;
        _host = new AdminOnAws(aws, new Dictionary<string, string> { ["CodeJobs:BatchSize"] = "100", ["CodeJobs:RunTimeLimit"] = "00:00:00" });
        _admin = _host.As(Roles.Admin);
    }

    [Fact]
    public async Task Job_QueuedByTheApiAndDeliveredFromSqs_CompletesBatchByBatchWithEveryCodeOnce()
    {
        var promotionId = await CodePromotionAsync();
        var accepted = await _admin.PostAsJsonAsync($"/admin/promotions/{promotionId}/code-jobs", new { length = 12, count = 250 });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var jobId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var deliveries = new List<Message>();
        for (var round = 0; round < 20 && !await FinishedAsync(jobId); round++)
        {
            var messages = await ReceiveAsync();
            deliveries.AddRange(messages);
            Assert.Empty(await DeliverAndAcknowledgeAsync(messages));
        }

        var job = await GetJobAsync(jobId);
        Assert.Equal(("completed", 250), (job.GetProperty("state").GetString(), job.GetProperty("done").GetInt32()));
        Assert.Equal(3, deliveries.Count);
        Assert.All(deliveries, m => Assert.Equal(jobId, m.Body));
        await AssertCodesAsync(promotionId, jobId, 250);

        // The first message again, alone and twice at once, as at-least-once delivery may bring it: nothing more.
        Assert.Empty(await DeliverAsync([deliveries[0]]));
        await Task.WhenAll(DeliverAsync([deliveries[0]]), DeliverAsync([deliveries[0]]));
        await AssertCodesAsync(promotionId, jobId, 250);
        Assert.Empty(await ReceiveAsync());
    }

    [Fact]
    public async Task Job_WhoseMessageArrivesTwiceAtOnce_RunsEachBatchOnce()
    {
        var promotionId = await CodePromotionAsync();
        var accepted = await _admin.PostAsJsonAsync($"/admin/promotions/{promotionId}/code-jobs", new { length = 12, count = 150 });
        var jobId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        for (var round = 0; round < 20 && !await FinishedAsync(jobId); round++)
        {
            var messages = await ReceiveAsync();

            // Each message twice, concurrently: one delivery claims the job, the other finds it held and is asked for again.
            var answers = await Task.WhenAll(DeliverAsync(messages), DeliverAsync(messages));
            await AcknowledgeAsync(messages.Where(m => !answers.All(a => a.Contains(m.MessageId))));
        }

        Assert.Equal(("completed", 150), ((await GetJobAsync(jobId)).GetProperty("state").GetString(), (await GetJobAsync(jobId)).GetProperty("done").GetInt32()));
        await AssertCodesAsync(promotionId, jobId, 150);
    }

    [Fact]
    public async Task Deliver_WithoutTheIngestRole_IsForbidden()
    {
        var response = await _host.As(Roles.Marketer).PostAsJsonAsync("/events/admin", Batch([]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose()
    {
        _admin.Dispose();
        _host.Dispose();
    }

    private async Task<string> CodePromotionAsync()
    {
        var campaign = await CreateAsync("/admin/campaigns", new { name = "Codes on AWS" });
        var promotion = await CreateAsync("/admin/promotions", new
        {
            campaignId = campaign,
            name = "Ten off",
            kind = "code",
            effect = new { type = "amount_off", amount = 10, target = new { scope = "order" } },
        });
        return promotion;
    }

    private async Task<string> CreateAsync(string path, object body)
    {
        var response = await _admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetJobAsync(string jobId) =>
        await _admin.GetFromJsonAsync<JsonElement>($"/admin/code-jobs/{jobId}");

    private async Task<bool> FinishedAsync(string jobId) => (await GetJobAsync(jobId)).GetProperty("state").GetString() is "completed" or "failed";

    private async Task<List<Message>> ReceiveAsync()
    {
        var response = await _aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = _aws.QueueUrl,
            MaxNumberOfMessages = 10,
            WaitTimeSeconds = 1,
            VisibilityTimeout = 30,
        });
        return response.Messages ?? [];
    }

    /// <summary>Posts the messages as one Lambda SQS event; returns the ids the answer asks to be delivered again.</summary>
    private async Task<List<string>> DeliverAsync(IReadOnlyList<Message> messages)
    {
        var response = await _admin.PostAsJsonAsync("/events/admin", Batch(messages));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!)];
    }

    /// <summary>What the Lambda SQS integration does with an answer: deletes the messages it does not list.</summary>
    private async Task<List<string>> DeliverAndAcknowledgeAsync(IReadOnlyList<Message> messages)
    {
        var failures = await DeliverAsync(messages);
        await AcknowledgeAsync(messages.Where(m => !failures.Contains(m.MessageId)));
        return failures;
    }

    private async Task AcknowledgeAsync(IEnumerable<Message> messages)
    {
        foreach (var message in messages)
        {
            await _aws.Sqs.DeleteMessageAsync(_aws.QueueUrl, message.ReceiptHandle);
        }
    }

    private async Task AssertCodesAsync(string promotionId, string jobId, int count)
    {
        var codes = _aws.Services.GetRequiredService<ICodeStore>();
        var exported = new List<string>();
        await foreach (var code in codes.ExportAsync(promotionId, default))
        {
            exported.Add(code.Code);
        }

        Assert.Equal(count, exported.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(count, exported.Count);
        Assert.Equal(count, await codes.CountAsync(promotionId, default));
        var events = await OutboxReader.PendingAsync<CodesGenerated>(_aws.Services.GetRequiredService<IOutbox>(), e => e.JobId == jobId);
        Assert.Equal(count, events.Sum(e => e.Count));
    }

    /// <summary>The SQS event of the Lambda integration, with the members AWS documents for each record.</summary>
    private Dictionary<string, object> Batch(IReadOnlyList<Message> messages) => new()
    {
        ["Records"] = messages.Select(m => new Dictionary<string, object?>
        {
            ["messageId"] = m.MessageId,
            ["receiptHandle"] = m.ReceiptHandle,
            ["body"] = m.Body,
            ["attributes"] = new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1", ["SentTimestamp"] = "1767225600000" },
            ["messageAttributes"] = new Dictionary<string, object>(),
            ["md5OfBody"] = m.MD5OfBody,
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:code-jobs-test-" + _aws.Suffix,
            ["awsRegion"] = Emulator.Region,
        }).ToArray(),
    };
}
