using System.Diagnostics;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The schedule on the deployed stack: template.yaml's EventBridge rule targets the plan-step queue every minute, only
/// that rule may send to it, and the queue's mapping delivers its tick to the Admin function's pass-through path, which
/// takes a scheduled promotion live at its <c>startsAt</c> and ends it at its <c>endsAt</c>. moto does not fire schedule
/// rules, so the test sends the event the rule sends (its documented shape) to the queue the rule targets.
/// </summary>
[Collection(DeployedStackCollection.Name)]
public sealed class ScheduleStackTests(StackFixture stack)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private StackHttpApi Api => stack.Api;

    [Fact]
    public async Task Template_TicksTheScheduleEveryMinuteOnThePlanStepQueue_WhichOnlyThatRuleMaySendTo()
    {
        var resources = TemplateValues.Resources(stack.Stack.Template);
        var rule = resources["ScheduleTickRule"]!["Properties"]!;
        Assert.Equal("rate(1 minute)", rule["ScheduleExpression"]!.GetValue<string>());
        var target = Assert.Single(rule["Targets"]!.AsArray())!;
        Assert.Equal("PlanStepsQueue", target["Arn"]!["Fn::GetAtt"]![0]!.GetValue<string>());
        // No Input: the queue gets the rule's own scheduled event, which /events/admin recognises.
        Assert.Null(target["Input"] ?? target["InputPath"] ?? target["InputTransformer"]);

        var policy = resources["ScheduleTickQueuePolicy"]!["Properties"]!;
        Assert.Equal("PlanStepsQueue", policy["Queue"]!["Ref"]!.GetValue<string>());
        var statement = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal(
            ("Allow", "events.amazonaws.com", "sqs:SendMessage", "PlanStepsQueue", "ScheduleTickRule"),
            (statement["Effect"]!.GetValue<string>(), statement["Principal"]!["Service"]!.GetValue<string>(), statement["Action"]!.GetValue<string>(),
                statement["Resource"]!["Fn::GetAtt"]![0]!.GetValue<string>(), statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!["Fn::GetAtt"]![0]!.GetValue<string>()));

        // Deployed: the rule and its target, as EventBridge holds them.
        var (queueUrl, queueArn) = await PlanStepsQueueAsync();
        Assert.Equal(queueUrl, stack.Stack.Outputs["PlanStepsQueueUrl"]);
        var deployed = await AwsCli.JsonAsync(stack.Stack.Emulator, "events", "describe-rule", "--name", RuleName());
        Assert.Equal(("rate(1 minute)", "ENABLED"), (deployed.GetProperty("ScheduleExpression").GetString(), deployed.GetProperty("State").GetString()));
        var targets = await AwsCli.JsonAsync(stack.Stack.Emulator, "events", "list-targets-by-rule", "--rule", RuleName());
        var deployedTarget = Assert.Single(targets.GetProperty("Targets").EnumerateArray());
        Assert.Equal(queueArn, deployedTarget.GetProperty("Arn").GetString());
        Assert.False(deployedTarget.TryGetProperty("Input", out _));
    }

    [Fact]
    public async Task Tick_ThroughThePlanStepQueue_TakesAScheduledPromotionLiveAtItsStartAndEndsItAtItsEnd()
    {
        var marketer = await stack.Pool.SignInAsync("marketer", StackFlow.Portal);
        var now = TimeProvider.System.GetUtcNow();
        var (startsAt, endsAt) = (now.AddSeconds(12), now.AddSeconds(16));
        var campaign = (await Api.SendJsonAsync("POST", "/admin/campaigns", marketer, new { name = "Scheduled on the stack", startsAt, endsAt }))
            .Expect(201).GetProperty("id").GetString()!;
        var promotion = (await Api.SendJsonAsync("POST", "/admin/promotions", marketer, new
        {
            // In store only: the other tests of the stack ask for web offers.
            campaignId = campaign, name = "Weekend", kind = "automatic", startsAt, endsAt, channels = new[] { "in_store" },
            effect = new { type = "percent_off", percent = 10, target = new { scope = "order" } },
        })).Expect(201).GetProperty("id").GetString()!;
        await ScheduleAsync($"/admin/campaigns/{campaign}", marketer);
        await ScheduleAsync($"/admin/promotions/{promotion}", marketer);

        await TickAsync();
        Assert.Equal("scheduled", await StatusAsync(promotion, marketer));

        // Nothing in the function moves it by itself: only a tick does.
        await UntilAsync(startsAt);
        Assert.Equal("scheduled", await StatusAsync(promotion, marketer));
        await TickAsync();
        Assert.Equal("active", await StatusAsync(promotion, marketer));
        Assert.Equal("active", (await Api.SendAsync("GET", $"/admin/campaigns/{campaign}", marketer)).Expect(200).GetProperty("status").GetString());

        await UntilAsync(endsAt);
        await TickAsync();
        Assert.Equal("ended", await StatusAsync(promotion, marketer));
        Assert.Equal("ended", (await Api.SendAsync("GET", $"/admin/campaigns/{campaign}", marketer)).Expect(200).GetProperty("status").GetString());
    }

    private static async Task UntilAsync(DateTimeOffset instant)
    {
        var left = instant - TimeProvider.System.GetUtcNow();
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(100));
        }
    }

    private string RuleName() =>
        stack.Stack.Resources["ScheduleTickRule"].Id is { } id && id.Contains('/', StringComparison.Ordinal) ? id[(id.LastIndexOf('/') + 1)..] : stack.Stack.Resources["ScheduleTickRule"].Id!;

    private async Task<string> StatusAsync(string promotion, string token) =>
        (await Api.SendAsync("GET", $"/admin/promotions/{promotion}", token)).Expect(200).GetProperty("status").GetString()!;

    private async Task ScheduleAsync(string path, string token)
    {
        var etag = (await Api.SendAsync("GET", path, token)).Header("ETag")!;
        (await Api.SendJsonAsync("POST", $"{path}/lifecycle", token, new { action = "schedule" }, new Dictionary<string, string> { ["if-match"] = etag })).Expect(200);
    }

    /// <summary>The rule's event on its queue, then the queue's mapping until that message is delivered and acknowledged.</summary>
    private async Task TickAsync()
    {
        var (url, arn) = await PlanStepsQueueAsync();
        var (_, function, mapping) = stack.EventSource("PlanStepsQueueToAdmin");
        var sqs = function.Services.GetRequiredService<IAmazonSQS>();
        var tick = ScheduleEvents.Scheduled(TimeProvider.System.GetUtcNow(), Emulator.Region, RuleName());
        var sent = await sqs.SendMessageAsync(url, tick.ToJsonString());
        var source = new SqsEventSource(sqs, url, arn, Emulator.Region, function.EventTarget()) { BatchSize = (int)mapping["BatchSize"]! };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            var poll = await source.PollAsync();
            if (poll.Received.Any(m => m.MessageId == sent.MessageId))
            {
                Assert.Contains(poll.Acknowledged, m => m.MessageId == sent.MessageId);
                return;
            }
        }

        Assert.Fail("The tick did not come back from the plan-step queue.");
    }

    private async Task<(string Url, string Arn)> PlanStepsQueueAsync()
    {
        var (queue, function, _) = stack.EventSource("PlanStepsQueueToAdmin");
        Assert.Equal("AdminFunction", function.LogicalId);
        var url = stack.Stack.Resources[queue].Id!;
        var arn = (await function.Services.GetRequiredService<IAmazonSQS>().GetQueueAttributesAsync(url, ["QueueArn"])).Attributes["QueueArn"];
        return (url, arn);
    }
}
