using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using AnalyticsProgram = Promotions.Analytics.Program;

namespace Promotions.Aws.Tests.Events;

/// <summary>
/// The analytics queue on moto, consumed as Lambda consumes it: messages the relay published are received,
/// posted to the Analytics service in AWS mode as the documented SQS event, and deleted when acknowledged;
/// a message the service refuses comes back after its visibility timeout and lands in the dead-letter queue
/// after <c>maxReceiveCount</c> receives.
/// </summary>
public sealed class AnalyticsQueueTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private const string Poison = "{\"not\":\"an event envelope\"}";

    [Fact]
    public async Task Queue_WhenTheRelayPublishedEvents_AnalyticsCountsThemOnceFromTheLambdaSqsEventAndTheyAreDeleted()
    {
        await using var stack = await RelayStack.StartAsync(aws, streamFilter: StreamEventSource.OutboxInserts);
        await using var analytics = new AwsServiceHost<AnalyticsProgram>(aws.AdapterSettings);
        var source = Source(stack.Queue, analytics);
        var campaign = "cmp_" + Guid.NewGuid().ToString("N");
        var redeemed = Redeemed(TimeProvider.System, campaign, 12.50m);
        var reversed = new RedemptionReversed(RelayStack.EventId(TimeProvider.System), redeemed.OccurredAt, "rev_1", redeemed.RedemptionId,
            redeemed.PromotionId, campaign, "cus_1", 2.50m, 10m, "EUR", false, []);

        await stack.CommitAsync(redeemed, reversed);
        await stack.Stream.DrainAsync();
        var poll = await source.PollAsync();

        // Filtered as template.yaml filters: only the two outbox inserts reach the relay, once.
        Assert.Equal(2, Assert.Single(stack.Relay.Invocations).Event["Records"]!.AsArray().Count);

        Assert.Equal(2, poll.Received.Count);
        Assert.Equal(2, poll.Acknowledged.Count);
        var record = poll.Invocation!.Event["Records"]![0]!;
        Assert.Equal("aws:sqs", (string?)record["eventSource"]);
        Assert.Equal(stack.Queue.Arn, (string?)record["eventSourceARN"]);
        Assert.Equal(Emulator.Region, (string?)record["awsRegion"]);
        Assert.Equal("1", (string?)record["attributes"]!["ApproximateReceiveCount"]);
        Assert.Equal(Md5((string)record["body"]!), (string?)record["md5OfBody"]);
        Assert.Equal("String", (string?)record["messageAttributes"]!["type"]!["dataType"]);
        Assert.Contains((string?)record["messageAttributes"]!["type"]!["stringValue"], new[] { RedemptionRecorded.TypeName, RedemptionReversed.TypeName });
        Assert.Empty((await source.PollAsync()).Received);
        Assert.Equal((1, 1, 10m), await CampaignAsync(analytics, campaign));

        // A redelivery of both (SQS is at least once) is acknowledged and changes nothing.
        foreach (var body in poll.Received.Select(m => m.Body))
        {
            await aws.Sqs.SendMessageAsync(stack.Queue.Url, body);
        }

        Assert.Equal(2, (await source.PollAsync()).Acknowledged.Count);
        Assert.Equal((1, 1, 10m), await CampaignAsync(analytics, campaign));
        Assert.DoesNotContain(analytics.Services.GetServices<IHostedService>(), s => s.GetType().Name == "EventDispatcher");
    }

    /// <summary>
    /// The poison is a body that is no envelope, or an event that reads fine but that Analytics cannot apply (an order
    /// total whose minor units overflow): either way it is refused alone, dead-lettered after the bounded receives, and
    /// the events around it, and after it, are applied.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Queue_WhenABatchHoldsAPoisonMessage_DeletesTheRestAndThePoisonEndsInTheDeadLetterQueueAfterMaxReceives(bool readable)
    {
        await using var stack = await RelayStack.StartAsync(aws, maxReceiveCount: 2, visibilityTimeoutSeconds: 1);
        await using var analytics = new AwsServiceHost<AnalyticsProgram>(aws.AdapterSettings);
        var source = Source(stack.Queue, analytics);
        var campaign = "cmp_" + Guid.NewGuid().ToString("N");
        var poisonBody = readable ? EventEnvelope.Write(Redeemed(TimeProvider.System, campaign, 5m) with { OrderTotal = 1e17m }) : Poison;
        await aws.Sqs.SendMessageAsync(stack.Queue.Url, EventEnvelope.Write(Redeemed(TimeProvider.System, campaign, 4m)));
        await aws.Sqs.SendMessageAsync(stack.Queue.Url, poisonBody);
        await aws.Sqs.SendMessageAsync(stack.Queue.Url, EventEnvelope.Write(Redeemed(TimeProvider.System, campaign, 6m)));

        var polls = new List<SqsPoll>();
        for (var i = 0; i < 6 && polls.Sum(p => p.Acknowledged.Count) < 2; i++)
        {
            polls.Add(await source.PollAsync());
        }

        var receives = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            // The poison is invisible for the queue's visibility timeout after each failed receive.
            await Task.Delay(TimeSpan.FromMilliseconds(1200));
            var poll = await source.PollAsync();
            if (poll.Received.Count == 0)
            {
                break;
            }

            Assert.Empty(poll.Acknowledged);
            receives.AddRange(poll.Received.Select(m => m.Attributes["ApproximateReceiveCount"]));
        }

        var deadLetters = await stack.DrainQueueAsync(stack.Queue.DeadLetterUrl);
        Assert.Equal(poisonBody, Assert.Single(deadLetters).Body);
        Assert.Equal(["2"], receives);
        Assert.Empty(await stack.DrainQueueAsync(stack.Queue.Url));
        Assert.Equal((2, 0, 10m), await CampaignAsync(analytics, campaign));
        var first = polls.First(p => p.Received.Any(m => m.Body == poisonBody));
        var poison = first.Received.Single(m => m.Body == poisonBody);
        Assert.Equal([poison.MessageId], first.Invocation!.Failures([.. first.Received.Select(m => m.MessageId)]));

        // Analytics stays current after the dead letter.
        await aws.Sqs.SendMessageAsync(stack.Queue.Url, EventEnvelope.Write(Redeemed(TimeProvider.System, campaign, 1m)));
        Assert.Single((await source.PollAsync()).Acknowledged);
        Assert.Equal((3, 0, 11m), await CampaignAsync(analytics, campaign));
    }

    [Fact]
    public async Task Sweep_WhenTheStreamDroppedAnEventItsRetriesCouldNotPublish_PublishesItAndAnalyticsCountsItOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var auditName = $"audit-late-{Guid.NewGuid().ToString("N")[..8]}";
        var auditUrl = await aws.FutureQueueUrlAsync(auditName);
        await using var stack = await RelayStack.StartAsync(aws, new() { ["Aws:EventQueues:audit"] = auditUrl },
            s => s.AddSingleton<TimeProvider>(clock), streamRetries: 1);
        await using var analytics = new AwsServiceHost<AnalyticsProgram>(aws.AdapterSettings);
        var campaign = "cmp_" + Guid.NewGuid().ToString("N");
        var redeemed = Redeemed(clock, campaign, 7m);

        await stack.CommitAsync(redeemed);
        await stack.Stream.PollAsync();
        await stack.Stream.PollAsync();
        Assert.Equal(1, stack.Stream.Dropped);
        Assert.Equal([redeemed.EventId], await stack.PendingAsync([redeemed.EventId]));

        await aws.CreateQueueAsync(auditName, []);
        clock.Advance(TimeSpan.FromMinutes(2));
        var schedule = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);
        var source = Source(stack.Queue, analytics);
        var acknowledged = 0;
        for (var i = 0; i < 3; i++)
        {
            acknowledged += (await source.PollAsync()).Acknowledged.Count;
        }

        Assert.Equal(1, schedule.Result!.Value.GetProperty("published").GetInt32());
        Assert.Empty(await stack.PendingAsync([redeemed.EventId]));
        Assert.Single(await stack.DrainQueueAsync(auditUrl));

        // The analytics queue got the event from both failed stream attempts and from the sweep.
        Assert.Equal(3, acknowledged);
        Assert.Equal((1, 0, 7m), await CampaignAsync(analytics, campaign));
    }

    private static SqsEventSource Source(TestQueue queue, AwsServiceHost<AnalyticsProgram> analytics) =>
        new(analytics.Services.GetRequiredService<Amazon.SQS.IAmazonSQS>(), queue.Url, queue.Arn, Emulator.Region, analytics.Function("/events/analytics"));

    private static RedemptionRecorded Redeemed(TimeProvider clock, string campaign, decimal discount) =>
        new(RelayStack.EventId(clock), clock.GetUtcNow(), "red_" + Guid.NewGuid().ToString("N"), "prm_q", campaign, null, "cus_1", "web",
            "ord_1", 100m, discount, "EUR", [], ["seg_a"]);

    private static async Task<(long Redemptions, long Reversals, decimal NetDiscount)> CampaignAsync(AwsServiceHost<AnalyticsProgram> analytics, string campaign)
    {
        var rows = await analytics.Services.GetRequiredService<IAnalyticsStore>().ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Campaign, campaign, AnalyticsDimension.Total, DateRange.AllTime), default);
        var total = Assert.Single(rows).Measures;
        return (total.Redemptions, total.Reversals, total.NetDiscount);
    }

    // SQS's own checksum of the body, which the event must carry as it came (not a security use of MD5).
#pragma warning disable CA5351
    private static string Md5(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
}
