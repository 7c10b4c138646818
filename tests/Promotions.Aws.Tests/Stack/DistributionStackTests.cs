using System.Diagnostics;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// A plan stage that distributes codes, on the deployed stack: the state machine hands the step over with a task token
/// (SQS <c>sendMessage.waitForTaskToken</c>), the Admin function applies it and answers <c>SendTaskSuccess</c> with the
/// distribution's batches, and the Map hands each batch back over the queue; every member of the segment ends with one
/// code assigned to them and the execution succeeds.
/// </summary>
[Collection(DeployedStackCollection.Name)]
public sealed class DistributionStackTests(StackFixture stack)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private StackHttpApi Api => stack.Api;

    [Fact]
    public async Task DistributeCodes_OnTheStack_WaitsForTheTaskTokenAndMapsTheBatchesToTheAdminFunction()
    {
        var endpoint = stack.Stack.Emulator.Endpoint!;
        var machine = stack.Stack.Outputs["CampaignPlanStateMachineArn"];
        await MotoStateMachines.MakeExecutableAsync(endpoint, machine);
        var marketer = await stack.Pool.SignInAsync("marketer", StackFlow.Portal);
        var now = TimeProvider.System.GetUtcNow();
        var campaign = (await Api.SendJsonAsync("POST", "/admin/campaigns", marketer, new
        {
            name = "Codes by e-mail", startsAt = now.AddSeconds(4), endsAt = now.AddDays(1),
        })).Expect(201).GetProperty("id").GetString()!;
        var promotion = (await Api.SendJsonAsync("POST", "/admin/promotions", marketer, new
        {
            // In store only: the other tests of the stack ask for web offers.
            campaignId = campaign, name = "Mailed code", kind = "code", channels = new[] { "in_store" },
            effect = new { type = "percent_off", percent = 10, target = new { scope = "order" } },
        })).Expect(201).GetProperty("id").GetString()!;
        var csv = "code\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"MAILED{promotion[^6..].ToUpperInvariant()}{i}\n"));
        Assert.Equal(6, (await Api.SendAsync("POST", $"/admin/promotions/{promotion}/codes/import", marketer, csv,
            new Dictionary<string, string> { ["content-type"] = "text/csv" })).Expect(200).GetProperty("imported").GetInt32());
        var segment = (await Api.SendJsonAsync("POST", "/admin/segments", marketer, new { name = "Newsletter" })).Expect(201).GetProperty("id").GetString()!;
        var members = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            members.Add((await Api.SendJsonAsync("POST", "/admin/customers", marketer, new { segmentIds = new[] { segment } }))
                .Expect(201).GetProperty("id").GetString()!);
        }

        var plan = new
        {
            stages = new object[]
            {
                new
                {
                    name = "launch", after = "PT0S",
                    changes = new object[] { new { type = "activate" }, new { type = "distribute_codes", promotionId = promotion, segmentId = segment, batchSize = 2 } },
                },
            },
        };
        var current = await Api.SendAsync("GET", $"/admin/campaigns/{campaign}", marketer);
        var planned = await Api.SendJsonAsync("PUT", $"/admin/campaigns/{campaign}/plan", marketer, plan, IfMatch(current));
        planned.Expect(200);
        (await Api.SendJsonAsync("POST", $"/admin/campaigns/{campaign}/lifecycle", marketer, new { action = "schedule" }, IfMatch(planned))).Expect(200);
        var revision = planned.Expect(200).GetProperty("planRevision").GetInt64();
        var execution = machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + $":{campaign}-{revision}";

        var source = await PlanStepsSourceAsync();
        var waited = Stopwatch.StartNew();
        var delivered = 0;
        while (true)
        {
            var poll = await source.PollAsync();
            Assert.True(poll.Received.Count == poll.Acknowledged.Count, $"{poll.Invocation?.Status} {poll.Invocation?.Result} {poll.Invocation?.Event}");
            delivered += poll.Received.Count;
            var stage = (await Api.SendAsync("GET", $"/admin/campaigns/{campaign}/plan", marketer)).Expect(200).GetProperty("stages")[0];
            var history = await MotoStateMachines.HistoryAsync(endpoint, execution);
            if (stage.TryGetProperty("distributions", out var all) && all.GetArrayLength() == 1
                && all[0].GetProperty("state").GetString() == "completed" && history.Contains("ExecutionSucceeded"))
            {
                Assert.Equal((3, 5), (all[0].GetProperty("batches").GetInt32(), all[0].GetProperty("distributed").GetInt32()));
                break;
            }

            Assert.True(waited.Elapsed < Patience, $"The distribution did not finish: {stage}\n{await MotoStateMachines.DescribeAsync(endpoint, execution)}");
            await Task.Delay(500);
        }

        // The step with its token, then one message per delivery of the batches: through 1, through 2, the rest.
        var events = await MotoStateMachines.HistoryAsync(endpoint, execution);
        Assert.Contains("TaskSubmitted", events);
        Assert.Equal(1 + 3, delivered);
        var codes = (await Api.SendAsync("GET", $"/admin/promotions/{promotion}/codes?limit=10", marketer)).Expect(200).GetProperty("items").EnumerateArray()
            .Select(c => c.TryGetProperty("assignedCustomerId", out var owner) ? owner.GetString() : null).OfType<string>().Order(StringComparer.Ordinal);
        Assert.Equal(members.Order(StringComparer.Ordinal), codes);
        var live = await Api.SendAsync("GET", $"/admin/campaigns/{campaign}", marketer);
        (await Api.SendJsonAsync("POST", $"/admin/campaigns/{campaign}/lifecycle", marketer, new { action = "end" }, IfMatch(live))).Expect(200);
    }

    private static Dictionary<string, string> IfMatch(HttpApiAnswer answer) =>
        new() { ["if-match"] = answer.Header("ETag") ?? throw new InvalidOperationException("no ETag: " + answer.Body) };

    private async Task<SqsEventSource> PlanStepsSourceAsync()
    {
        var (queue, function, _) = stack.EventSource("PlanStepsQueueToAdmin");
        var url = stack.Stack.Resources[queue].Id!;
        var sqs = function.Services.GetRequiredService<IAmazonSQS>();
        var arn = (await sqs.GetQueueAttributesAsync(url, ["QueueArn"])).Attributes["QueueArn"];
        return new SqsEventSource(sqs, url, arn, Emulator.Region, function.EventTarget()) { BatchSize = 1 };
    }
}
