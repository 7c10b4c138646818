using System.Diagnostics;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// A campaign plan on the deployed stack: scheduling the campaign through the HTTP API makes the Admin function start
/// the plan's execution of the template's state machine (SigV4-signed StartExecution), moto executes it (Wait, Map,
/// SQS SendMessage), and the plan-step queue reaches the Admin function's pass-through path as its mapping says; the
/// catalog changes at each step, in order.
/// </summary>
[Collection(DeployedStackCollection.Name)]
public sealed class PlanStackTests(StackFixture stack)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private StackHttpApi Api => stack.Api;

    [Fact]
    public async Task Plan_WithStepsSecondsApart_RunsThroughTheStateMachineTheQueueAndTheAdminFunction()
    {
        await MotoStateMachines.MakeExecutableAsync(stack.Stack.Emulator.Endpoint!, stack.Stack.Outputs["CampaignPlanStateMachineArn"]);
        Assert.Equal(stack.Stack.Outputs["CampaignPlanStateMachineArn"], stack.Functions["AdminFunction"].Settings.All["Aws:PlanStateMachineArn"]);
        var marketer = await stack.Pool.SignInAsync("marketer", StackFlow.Portal);
        var now = TimeProvider.System.GetUtcNow();
        var campaign = (await Api.SendJsonAsync("POST", "/admin/campaigns", marketer, new
        {
            name = "Plan on the stack", startsAt = now.AddSeconds(4), endsAt = now.AddDays(1),
        })).Expect(201).GetProperty("id").GetString()!;
        var promotion = (await Api.SendJsonAsync("POST", "/admin/promotions", marketer, new
        {
            // In store only, and ended below: the other tests of the stack ask for web offers.
            campaignId = campaign, name = "Deepening", kind = "automatic", effect = Percent(10), channels = new[] { "in_store" },
        })).Expect(201).GetProperty("id").GetString()!;
        var plan = new
        {
            stages = new object[]
            {
                new { name = "launch", after = "PT0S", changes = new object[] { new { type = "activate" }, new { type = "activate", promotionId = promotion } } },
                new { name = "deeper", after = "PT3S", changes = new object[] { new { type = "set_effect", promotionId = promotion, effect = Percent(20) } } },
                new { name = "deepest", after = "PT3S", changes = new object[] { new { type = "set_effect", promotionId = promotion, effect = Percent(30) } } },
            },
        };
        var planned = await Api.SendJsonAsync("PUT", $"/admin/campaigns/{campaign}/plan", marketer, plan, await IfMatchAsync(campaign, marketer));
        planned.Expect(200);
        (await Api.SendJsonAsync("POST", $"/admin/campaigns/{campaign}/lifecycle", marketer, new { action = "schedule" }, IfMatch(planned))).Expect(200);

        var source = await PlanStepsSourceAsync();
        var seen = new List<(string Status, int Percent)>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var poll = await source.PollAsync();
            Assert.True(poll.Received.Count == poll.Acknowledged.Count, $"{poll.Invocation?.Status} {poll.Invocation?.Result} {poll.Invocation?.Event}");
            var current = (await Api.SendAsync("GET", $"/admin/promotions/{promotion}", marketer)).Expect(200);
            var state = (current.GetProperty("status").GetString()!, current.GetProperty("effect").GetProperty("percent").GetInt32());
            if (seen.Count == 0 || seen[^1] != state)
            {
                seen.Add(state);
            }

            var stages = (await Api.SendAsync("GET", $"/admin/campaigns/{campaign}/plan", marketer)).Expect(200).GetProperty("stages");
            if (stages.EnumerateArray().All(s => s.GetProperty("status").GetString() == "applied"))
            {
                break;
            }

            if (waited.Elapsed > Patience)
            {
                var revision = (await Api.SendAsync("GET", $"/admin/campaigns/{campaign}/plan", marketer)).Expect(200).GetProperty("revision").GetInt64();
                var execution = stack.Stack.Outputs["CampaignPlanStateMachineArn"].Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + $":{campaign}-{revision}";
                Assert.Fail($"The plan did not finish: {stages}\n{await MotoStateMachines.DescribeAsync(stack.Stack.Emulator.Endpoint!, execution)}");
            }

            await Task.Delay(500);
        }

        // What the catalog showed between polls, in order (a poll may wait for, and deliver, more than one step): never out of order.
        (string, int)[] expected = [("draft", 10), ("active", 10), ("active", 20), ("active", 30)];
        Assert.Equal(seen, expected.Where(seen.Contains));
        Assert.Equal(("active", 30), seen[^1]);

        // Each step ran once its time had come, in order, and changed what it said.
        var ran = (await Api.SendAsync("GET", $"/admin/campaigns/{campaign}/plan", marketer)).Expect(200).GetProperty("stages").EnumerateArray().ToArray();
        Assert.All(ran, s => Assert.True(s.GetProperty("ranAt").GetDateTimeOffset() >= s.GetProperty("runsAt").GetDateTimeOffset(), s.ToString()));
        Assert.True(ran[0].GetProperty("ranAt").GetDateTimeOffset() <= ran[1].GetProperty("ranAt").GetDateTimeOffset()
            && ran[1].GetProperty("ranAt").GetDateTimeOffset() <= ran[2].GetProperty("ranAt").GetDateTimeOffset());
        Assert.All(ran, s => Assert.All(s.GetProperty("results").EnumerateArray(), r => Assert.Equal("changed", r.GetProperty("result").GetString())));
        var live = await Api.SendAsync("GET", $"/admin/campaigns/{campaign}", marketer);
        Assert.Equal("active", live.Expect(200).GetProperty("status").GetString());
        (await Api.SendJsonAsync("POST", $"/admin/campaigns/{campaign}/lifecycle", marketer, new { action = "end" }, IfMatch(live))).Expect(200);
    }

    private static object Percent(int percent) => new { type = "percent_off", percent, target = new { scope = "order" } };

    private static Dictionary<string, string> IfMatch(HttpApiAnswer answer) =>
        new() { ["if-match"] = answer.Header("ETag") ?? throw new InvalidOperationException("no ETag: " + answer.Body) };

    private async Task<Dictionary<string, string>> IfMatchAsync(string campaign, string token) =>
        IfMatch(await Api.SendAsync("GET", $"/admin/campaigns/{campaign}", token));

    private async Task<SqsEventSource> PlanStepsSourceAsync()
    {
        var (queue, function, mapping) = stack.EventSource("PlanStepsQueueToAdmin");
        Assert.Equal("AdminFunction", function.LogicalId);
        var url = stack.Stack.Resources[queue].Id!;
        var sqs = function.Services.GetRequiredService<IAmazonSQS>();
        var arn = (await sqs.GetQueueAttributesAsync(url, ["QueueArn"])).Attributes["QueueArn"];
        return new SqsEventSource(sqs, url, arn, Emulator.Region, function.EventTarget()) { BatchSize = (int)mapping["BatchSize"]! };
    }
}
