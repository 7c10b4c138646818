using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Events.Lambda;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Redemption;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Events;

/// <summary>
/// The outbox relay of the AWS mode on moto: new outbox items from the table's stream, delivered as Lambda
/// delivers a stream batch to the Redemption service's pass-through path, reach the event queues and are
/// marked; failures are reported as the stream's partial batch response; the one-minute schedule sweeps what
/// the stream missed, and still does when hold expiry fails (hold expiry itself: ScheduleHoldExpiryTests).
/// </summary>
public sealed class OutboxRelayTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    // The schedule's tests write their events with clocks years back, each with its own year, so that no test's
    // sweep reaches another test's events (the tests share the class's table): 2019, 2020, and 2021 for the item
    // that stays pending for good.
    private static readonly DateTimeOffset Past = new(2020, 1, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stream_WhenOutboxItemsCommit_PublishesEachEnvelopeWithItsAttributesAndMarksItDispatched()
    {
        await using var stack = await RelayStack.StartAsync(aws);
        var events = Enumerable.Range(1, 3).Select(i => Codes(TimeProvider.System, i)).ToArray();

        await stack.CommitAsync(events);
        await stack.Stream.PollAsync();

        var invocation = Assert.Single(stack.Relay.Invocations);
        Assert.Equal(200, invocation.Status);
        Assert.Empty(invocation.Failures([]) ?? ["the whole batch failed"]);
        Assert.Equal(4, invocation.Event["Records"]!.AsArray().Count);
        var messages = await stack.DrainQueueAsync(stack.Queue.Url);
        Assert.Equal(events.Select(e => e.EventId).Order(StringComparer.Ordinal), messages.Select(m => m.MessageAttributes["eventId"].StringValue).Order(StringComparer.Ordinal));
        foreach (var message in messages)
        {
            var sent = events.Single(e => e.EventId == message.MessageAttributes["eventId"].StringValue);
            Assert.Equal(EventEnvelope.Write(sent), message.Body);
            Assert.Equal((CodesGenerated.TypeName, "String"), (message.MessageAttributes["type"].StringValue, message.MessageAttributes["type"].DataType));
            Assert.Equal(("1", "Number"), (message.MessageAttributes["version"].StringValue, message.MessageAttributes["version"].DataType));
        }

        Assert.Empty(await stack.PendingAsync(events.Select(e => e.EventId)));

        // The marks are MODIFY records of the same items: delivered next, and ignored.
        await stack.Stream.PollAsync();
        Assert.Equal(2, stack.Relay.Invocations.Count);
        Assert.All(stack.Relay.Invocations[1].Event["Records"]!.AsArray(), r => Assert.Equal("MODIFY", (string?)r!["eventName"]));
        Assert.Empty(stack.Relay.Invocations[1].Failures([]) ?? ["the whole batch failed"]);
        Assert.Empty(await stack.DrainQueueAsync(stack.Queue.Url));
    }

    [Fact]
    public async Task Stream_WhenAQueueCannotBeReached_ReportsTheFirstUnpublishedRecordAndTheRetryPublishesToEveryQueue()
    {
        var auditName = $"audit-later-{Guid.NewGuid().ToString("N")[..8]}";
        var auditUrl = await aws.FutureQueueUrlAsync(auditName);
        await using var stack = await RelayStack.StartAsync(aws, new() { ["Aws:EventQueues:audit"] = auditUrl });
        var events = Enumerable.Range(1, 2).Select(i => Codes(TimeProvider.System, i)).ToArray();

        await stack.CommitAsync(events);
        await stack.Stream.PollAsync();

        var first = stack.Relay.Invocations[0];
        var outboxRecords = first.Event["Records"]!.AsArray().Where(r => ((string?)r!["dynamodb"]!["Keys"]!["pk"]!["S"])!.StartsWith("OUTBOX#", StringComparison.Ordinal)).ToList();
        var sequences = first.Event["Records"]!.AsArray().Select(r => (string)r!["dynamodb"]!["SequenceNumber"]!).ToList();
        Assert.Equal([(string)outboxRecords[0]!["dynamodb"]!["SequenceNumber"]!], first.Failures(sequences));
        Assert.Equal(2, (await stack.PendingAsync(events.Select(e => e.EventId))).Count);

        await aws.CreateQueueAsync(auditName, []);
        await stack.Stream.PollAsync();

        Assert.Empty(stack.Relay.Invocations[1].Failures(sequences) ?? ["the whole batch failed"]);
        Assert.Equal(2, (await stack.DrainQueueAsync(auditUrl)).Count);

        // The analytics queue took both events the first time too: delivery is at least once.
        Assert.Equal(4, (await stack.DrainQueueAsync(stack.Queue.Url)).Count);
        Assert.Empty(await stack.PendingAsync(events.Select(e => e.EventId)));
    }

    [Fact]
    public async Task Schedule_WhenEventsWaitedPastTheSweepAge_PublishesAndMarksOnlyThose()
    {
        var clock = new FakeTimeProvider(Past);
        await using var stack = await RelayStack.StartAsync(aws, services: s => s.AddSingleton<TimeProvider>(clock));
        var old = new[] { Codes(clock, 1), Codes(clock, 2) };
        await stack.CommitAsync(old);
        clock.Advance(TimeSpan.FromSeconds(90));
        var fresh = Codes(clock, 3);
        await stack.CommitAsync(fresh);

        var invocation = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);

        Assert.Equal(200, invocation.Status);
        var report = invocation.Result!.Value;
        Assert.Equal((2, 0, 0), (report.GetProperty("published").GetInt32(), report.GetProperty("publishFailed").GetInt32(), report.GetProperty("holdsExpired").GetInt32()));
        Assert.Equal((true, true), (report.GetProperty("expiryRan").GetBoolean(), report.GetProperty("complete").GetBoolean()));
        var messages = await stack.DrainQueueAsync(stack.Queue.Url);
        Assert.Equal(old.Select(e => e.EventId).Order(StringComparer.Ordinal), messages.Select(m => m.MessageAttributes["eventId"].StringValue).Order(StringComparer.Ordinal));
        Assert.Equal([fresh.EventId], await stack.PendingAsync([.. old.Select(e => e.EventId), fresh.EventId]));

        // Once it too has waited long enough, the next run takes it; nothing of this test stays pending for the others
        // on this table, whose sweeps would otherwise count it.
        clock.Advance(TimeSpan.FromMinutes(2));
        var next = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);
        Assert.Equal(1, next.Result!.Value.GetProperty("published").GetInt32());
        Assert.Empty(await stack.PendingAsync([fresh.EventId]));
    }

    [Fact]
    public async Task Schedule_WhenTheLedgerFails_StillSweepsAndAnswersThePassThroughFailureSoTheInvocationFails()
    {
        var clock = new FakeTimeProvider(Past.AddYears(-1));
        var ledger = new FailingLedger(new AmazonDynamoDBException("Throughput exceeds the current capacity of your table."));
        await using var stack = await RelayStack.StartAsync(aws, services: s => s.AddSingleton<TimeProvider>(clock).AddSingleton<IRedemptionLedger>(ledger));
        var old = Codes(clock, 1);
        await stack.CommitAsync(old);
        clock.Advance(TimeSpan.FromMinutes(5));

        var invocation = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);

        Assert.Equal(PassThrough.FailureStatus, invocation.Status);
        Assert.True(invocation.Failed);
        Assert.Equal("schedule_incomplete", invocation.Result!.Value.GetProperty("code").GetString());
        Assert.Equal(1, invocation.Result.Value.GetProperty("report").GetProperty("published").GetInt32());
        Assert.False(invocation.Result.Value.GetProperty("report").GetProperty("expiryRan").GetBoolean());
        Assert.Empty(await stack.PendingAsync([old.EventId]));
    }

    [Fact]
    public async Task Relay_WhenAnOutboxItemIsNoReadableEvent_PassesItOnTheStreamAndTheSweepReportsItAsFailed()
    {
        var clock = new FakeTimeProvider(Past.AddYears(1));
        await using var stack = await RelayStack.StartAsync(aws, services: s => s.AddSingleton<TimeProvider>(clock));
        var brokenEvent = Codes(clock, 1);
        var broken = OutboxItems.Item(brokenEvent);
        broken.Remove("payload");
        var good = Codes(clock, 2);
        await aws.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new() { Put = new Put { TableName = aws.Table, Item = broken } }, OutboxItems.Put(aws.Table, good)],
        });

        await stack.Stream.PollAsync();
        var messages = await stack.DrainQueueAsync(stack.Queue.Url);
        clock.Advance(TimeSpan.FromMinutes(2));
        var schedule = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);

        // The stream goes on past the broken item (blocking the shard would hold back every later event)...
        Assert.Empty(stack.Relay.Invocations[0].Failures([]) ?? ["the whole batch failed"]);
        Assert.Equal([good.EventId], messages.Select(m => m.MessageAttributes["eventId"].StringValue));

        // ...and the schedule keeps reporting it, so the failed invocation raises the function's error alarm.
        Assert.Equal(PassThrough.FailureStatus, schedule.Status);
        Assert.Equal((0, 1), (schedule.Result!.Value.GetProperty("report").GetProperty("published").GetInt32(),
            schedule.Result.Value.GetProperty("report").GetProperty("publishFailed").GetInt32()));
        Assert.Equal([brokenEvent.EventId], await stack.PendingAsync([brokenEvent.EventId, good.EventId]));
    }

    [Theory]
    [InlineData("{not json", "invalid_json")]
    [InlineData("""{"Records":[{"messageId":"m1","body":"{}","eventSource":"aws:sqs"}]}""", "unknown_event")]
    [InlineData("""{"source":"aws.events","detail-type":"Object Created","detail":{}}""", "unknown_event")]
    [InlineData("""{"Records":[{"eventSource":"aws:dynamodb","eventName":"INSERT","dynamodb":{"SequenceNumber":12}}]}""", "invalid_event")]
    [InlineData("[1,2]", "unknown_event")]
    public async Task Relay_WhenTheBodyIsNoEventItReads_AnswersAProblemWithItsCode(string body, string code)
    {
        await using var stack = await RelayStack.StartAsync(aws);

        using var response = await stack.Redemption.PassThrough().PostAsync(RedemptionApiExtensions.PassThroughPath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Relay_WhenNotPostedByTheWebAdapter_IsRefusedAndNoInProcessLoopRunsInAwsMode()
    {
        await using var stack = await RelayStack.StartAsync(aws);

        // What came through API Gateway carries its request context, not null: refused whatever the token.
        using var viaApi = new HttpRequestMessage(HttpMethod.Post, RedemptionApiExtensions.PassThroughPath)
        {
            Content = JsonContent.Create(new JsonObject { ["Records"] = new JsonArray() }),
        };
        viaApi.Headers.TryAddWithoutValidation(EventsIngestRequirement.RequestContextHeader, """{"apiId":"api1234567","stage":"$default"}""");
        using var fromApi = await stack.Redemption.CreateClient().SendAsync(viaApi);
        using var anonymous = await stack.Redemption.CreateClient().PostAsJsonAsync(RedemptionApiExtensions.PassThroughPath, new JsonObject { ["Records"] = new JsonArray() });
        var background = stack.Redemption.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        Assert.Equal(HttpStatusCode.Forbidden, fromApi.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal("not_pass_through", JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.DoesNotContain("ReservationSweeper", background);
        Assert.DoesNotContain("EventDispatcher", background);
        Assert.Empty((await stack.Relay.InvokeAsync(new JsonObject { ["Records"] = new JsonArray() }, default)).Failures([]) ?? ["the whole batch failed"]);
    }

    private static CodesGenerated Codes(TimeProvider clock, int count) =>
        new(RelayStack.EventId(clock), clock.GetUtcNow(), "prm_relay", "job_relay", count);
}
