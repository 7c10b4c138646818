using System.Text.Json;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// A plan step delivered by its Step Functions execution (<see cref="PlanStepMessage"/>): the step itself through
/// <see cref="PlanRunner.DeliverAsync"/>; for a step that distributes codes, the answer to its task token with the
/// deliveries of its batches; and each batch delivery, run by <see cref="CodeDistributor"/>. Answers whether
/// the message is done with (false: deliver it again later).
/// </summary>
internal sealed class PlanStepDelivery(
    PlanRunner runner, CodeDistributor distributor, ICampaignStore campaigns, ICampaignPlanStore plans, IEnumerable<IPlanCallbacks> callbacks)
{
    public async Task<bool> DeliverAsync(PlanStepMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Batch is { } batch)
        {
            return await BatchAsync(message, batch, ct);
        }

        var delivery = await runner.DeliverAsync(message.CampaignId, message.Revision, message.Index, ct);
        if (delivery == StepDelivery.NotDue || message.TaskToken is not { } token)
        {
            return delivery != StepDelivery.NotDue;
        }

        // A superseded or skipped step has no batches; the answer still lets the execution go on (or end).
        IReadOnlyList<int> deliveries = [];
        if (delivery == StepDelivery.Ran && await campaigns.GetAsync(message.CampaignId, ct) is { } campaign
            && (await plans.ListStepsAsync(message.CampaignId, message.Revision, ct)).Any(r => r.Index == message.Index && r.Outcome == StepOutcome.Applied))
        {
            deliveries = await distributor.DeliveriesAsync(campaign, message.Index, ct);
        }

        var answer = callbacks.FirstOrDefault() ?? throw new InvalidOperationException("A plan step carries a task token, but no plan callbacks are registered.");
        await answer.SucceedAsync(token, JsonSerializer.Serialize(new DistributionDeliveries(deliveries), PlanStepMessageJson.Default.DistributionDeliveries), ct);
        return true;
    }

    private async Task<bool> BatchAsync(PlanStepMessage message, int batch, CancellationToken ct)
    {
        if (await campaigns.GetAsync(message.CampaignId, ct) is not { Plan: { } plan } campaign || plan.Revision != message.Revision
            || message.Index < 0 || message.Index >= plan.Stages.Count || !PlanSteps.IsRunnable(campaign))
        {
            return true;
        }

        var through = batch > 0 ? batch : (int?)null;
        var progress = await distributor.RunAsync(campaign, message.Index, through, ct);
        return progress.All(p => p.Done || p.Batches >= through);
    }
}
