using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Plans;

/// <summary>
/// Campaign plans on Step Functions: one Standard execution of the plan state machine per plan revision, named
/// <c>{campaignId}-{revision}</c>, so starting it again is refused as a duplicate and changes nothing, and the
/// execution to stop is known from the ids alone.
/// </summary>
internal sealed class StepFunctionsPlanExecutions(StepFunctionsClient client, IOptions<AwsOptions> options) : IPlanExecutions
{
    private readonly string _stateMachineArn = options.Value.PlanStateMachineArn
        ?? throw new InvalidOperationException("Aws:PlanStateMachineArn is not set.");

    public async Task StartAsync(Campaign campaign, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Plan is not { } plan || PlanSteps.Times(plan, campaign.StartsAt) is not { } times)
        {
            return;
        }

        var input = new PlanExecutionInput(campaign.Id, plan.Revision, [.. times.Select((at, i) =>
            new PlanExecutionStep(campaign.Id, plan.Revision, i, Rfc3339(at), CodeDistributor.Distributes(plan.Stages[i]) ? true : null))]);
        await client.StartExecutionAsync(
            _stateMachineArn, Name(campaign.Id, plan.Revision), JsonSerializer.Serialize(input, StepFunctionsJson.Default.PlanExecutionInput), ct);
    }

    public Task StopAsync(string campaignId, long revision, CancellationToken ct) =>
        client.StopExecutionAsync(ExecutionArn(_stateMachineArn, Name(campaignId, revision)), ct);

    /// <summary>The execution's name: at most 80 characters of letters, digits, <c>-</c> and <c>_</c>, as campaign ids are.</summary>
    internal static string Name(string campaignId, long revision) => $"{campaignId}-{revision.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>arn:…:stateMachine:NAME</c> → <c>arn:…:execution:NAME:EXECUTION</c>.</summary>
    internal static string ExecutionArn(string stateMachineArn, string name) =>
        stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    // A Wait's timestamp is RFC 3339 with Z; rounding up to the whole second, plus one second, keeps the step from arriving
    // before its time even when the Wait's clock runs ahead of the function's or ends its wait early (moto truncates the
    // wait to whole seconds): a step that arrives early is not due and comes back only after the queue's visibility timeout.
    private static string Rfc3339(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var whole = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        return (whole < utc ? whole.AddSeconds(2) : whole.AddSeconds(1)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
