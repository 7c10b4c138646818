using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;

namespace Promotions.Domain.Plans;

/// <summary>
/// Checks a plan when it is written, every error with its JSON path (<c>$.stages[1].changes[0].effect.percent</c>), so a
/// plan that cannot run never reaches the scheduler. Whether the promotions it names exist is the caller's check.
/// </summary>
public static class PlanValidation
{
    private const int NameMax = 200;

    public static IReadOnlyList<DomainError> Validate(CampaignPlan plan, DateTimeOffset? campaignStartsAt, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<DomainError>();
        if (plan.Stages.Count is 0 or > CampaignPlan.MaxStages)
        {
            errors.Add(new("out_of_range", $"A plan has from 1 to {CampaignPlan.MaxStages} stages; this has {plan.Stages.Count}.", $"{path}.stages"));
            return errors;
        }

        DateTimeOffset? previous = null;
        DateTimeOffset? first = null;
        var distributing = 0;
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            var stagePath = $"{path}.stages[{i}]";
            var stage = plan.Stages[i];
            if (string.IsNullOrWhiteSpace(stage.Name) || stage.Name.Length > NameMax)
            {
                errors.Add(new("required", $"A stage needs a name of 1 to {NameMax} characters.", $"{stagePath}.name"));
            }

            var at = When(stage, i == 0 ? campaignStartsAt : previous, stagePath, i, errors);
            if (at is { } time)
            {
                if (previous is { } before && time < before)
                {
                    errors.Add(new("out_of_order", $"A stage cannot run before the one ahead of it ({before:O}).", $"{stagePath}.at"));
                }

                first ??= time;
                if (time - first > CampaignPlan.MaxSpan)
                {
                    errors.Add(new("plan_too_long", "A plan runs for one year at most, from its first stage to its last.", $"{stagePath}.at"));
                }

                previous = time;
            }

            Changes(stage, stagePath, errors);
            if (CodeDistributor.Distributes(stage) && ++distributing > CodeDistribution.MaxStagesPerPlan)
            {
                errors.Add(new("too_many_distributions",
                    $"A plan distributes codes in at most {CodeDistribution.MaxStagesPerPlan} stages.", $"{stagePath}.changes"));
            }
            if (stage.SkipIf is { } skip && skip.BudgetSpentAtLeast is not (> 0m and <= 1m))
            {
                errors.Add(new("out_of_range", "budgetSpentAtLeast is a share of the budget, above 0 and at most 1 (0.9 for 90 %).", $"{stagePath}.skipIf.budgetSpentAtLeast"));
            }
        }

        return errors;
    }

    private static DateTimeOffset? When(PlanStage stage, DateTimeOffset? anchor, string stagePath, int index, List<DomainError> errors)
    {
        if (stage.At.HasValue == stage.After.HasValue)
        {
            errors.Add(new("at_or_after", "A stage has either an instant (at) or an offset after the stage before it (after), not both.", $"{stagePath}.at"));
            return null;
        }

        if (stage.At is { } at)
        {
            return at;
        }

        if (stage.After < TimeSpan.Zero)
        {
            errors.Add(new("out_of_range", "The offset cannot be negative.", $"{stagePath}.after"));
            return null;
        }

        if (anchor is null && index == 0)
        {
            errors.Add(new("start_required", "The first stage's offset counts from the campaign's startsAt; set startsAt or give the stage an instant.", $"{stagePath}.after"));
        }

        return anchor + stage.After;
    }

    private static void Changes(PlanStage stage, string stagePath, List<DomainError> errors)
    {
        if (stage.Changes.Count is 0 or > CampaignPlan.MaxChanges)
        {
            errors.Add(new("out_of_range", $"A stage makes from 1 to {CampaignPlan.MaxChanges} changes.", $"{stagePath}.changes"));
            return;
        }

        for (var j = 0; j < stage.Changes.Count; j++)
        {
            var change = stage.Changes[j];
            var changePath = $"{stagePath}.changes[{j}]";
            Distribution(change, changePath, errors);
            if (change.Kind != StageChangeKind.SetEffect)
            {
                if (change.Effect is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined })
                {
                    errors.Add(new("not_allowed", "Only a set_effect change carries an effect.", $"{changePath}.effect"));
                }

                continue;
            }

            if (string.IsNullOrWhiteSpace(change.PromotionId))
            {
                errors.Add(new("required", "set_effect names the promotion whose effect it changes.", $"{changePath}.promotionId"));
            }

            if (change.Effect is not { ValueKind: JsonValueKind.Object } effect)
            {
                errors.Add(new("required", "set_effect needs the new effect, e.g. {\"type\":\"percent_off\",\"percent\":20}.", $"{changePath}.effect"));
                continue;
            }

            errors.AddRange(EffectParser.Parse(effect, $"{changePath}.effect").Errors);
        }
    }

    private static void Distribution(StageChange change, string changePath, List<DomainError> errors)
    {
        if (change.Kind != StageChangeKind.DistributeCodes)
        {
            if (change.SegmentId is not null)
            {
                errors.Add(new("not_allowed", "Only a distribute_codes change names a segment.", $"{changePath}.segmentId"));
            }

            if (change.BatchSize is not null)
            {
                errors.Add(new("not_allowed", "Only a distribute_codes change has a batch size.", $"{changePath}.batchSize"));
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(change.PromotionId))
        {
            errors.Add(new("required", "distribute_codes names the promotion whose codes it gives.", $"{changePath}.promotionId"));
        }

        if (string.IsNullOrWhiteSpace(change.SegmentId))
        {
            errors.Add(new("required", "distribute_codes names the segment whose customers get a code.", $"{changePath}.segmentId"));
        }

        if (change.BatchSize is < 1 or > CodeDistribution.MaxBatchSize)
        {
            errors.Add(new("out_of_range", $"batchSize is from 1 to {CodeDistribution.MaxBatchSize} customers (default {CodeDistribution.DefaultBatchSize}).", $"{changePath}.batchSize"));
        }
    }
}
