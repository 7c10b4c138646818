using System.Xml;
using Promotions.AdminApi.Common;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// Turns a plan body into a <see cref="CampaignPlan"/>: the wire forms here (durations, change names), the plan's own
/// rules in <see cref="PlanValidation"/>, and the promotions it names, which must be the campaign's.
/// </summary>
internal static class PlanParsing
{
    public static async Task<Result<CampaignPlan>> ParseAsync(
        PlanRequest body, Campaign campaign, long revision, IPromotionStore promotions, ISegmentStore segments, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var stages = new List<PlanStage>();
        var input = body.Stages ?? [];
        for (var i = 0; i < input.Count; i++)
        {
            var path = $"$.stages[{i}]";
            if (input[i] is not { } stage)
            {
                errors.Add(new("required", "A stage is an object.", path));
                continue;
            }

            var changes = new List<StageChange>();
            var changeInput = stage.Changes ?? [];
            for (var j = 0; j < changeInput.Count; j++)
            {
                if (await ChangeAsync(changeInput[j], campaign, $"{path}.changes[{j}]", (promotions, segments), errors, ct) is { } change)
                {
                    changes.Add(change);
                }
            }

            stages.Add(new PlanStage(stage.Name?.Trim() ?? "", stage.At, Duration(stage.After, $"{path}.after", errors), changes,
                stage.SkipIf is { } skip ? new SkipCondition(skip.BudgetSpentAtLeast) : null));
        }

        var plan = new CampaignPlan(stages, revision);
        if (errors.Count == 0)
        {
            errors.AddRange(PlanValidation.Validate(plan, campaign.StartsAt));
        }

        return errors.Count == 0 ? plan : Result<CampaignPlan>.Fail(errors);
    }

    private static async Task<StageChange?> ChangeAsync(
        ChangeRequest? body, Campaign campaign, string path, (IPromotionStore Promotions, ISegmentStore Segments) stores, List<DomainError> errors,
        CancellationToken ct)
    {
        if (body is null)
        {
            errors.Add(new("required", "A change is an object.", path));
            return null;
        }

        if (string.IsNullOrEmpty(body.Type))
        {
            errors.Add(new("required", "A change has a type: activate, pause, end, set_effect or distribute_codes.", $"{path}.type"));
            return null;
        }

        var kind = QueryValues.Enum<StageChangeKind>(body.Type, $"{path}.type", errors);
        var promotionId = Strings.OrNull(body.PromotionId);
        var promotion = promotionId is null ? null : await stores.Promotions.GetAsync(promotionId, ct);
        if (promotionId is not null && promotion?.CampaignId != campaign.Id)
        {
            var message = promotion is null ? $"No promotion with id '{promotionId}'." : $"The promotion '{promotionId}' belongs to another campaign.";
            errors.Add(new("unknown_reference", message, $"{path}.promotionId"));
        }

        var segmentId = Strings.OrNull(body.SegmentId);
        if (kind == StageChangeKind.DistributeCodes)
        {
            if (promotion is not null && promotion.CampaignId == campaign.Id && promotion.Kind != PromotionKind.Code)
            {
                errors.Add(new("no_code_pool", $"The promotion '{promotionId}' is automatic: it has no codes to distribute.", $"{path}.promotionId"));
            }

            if (segmentId is not null && await stores.Segments.GetAsync(segmentId, ct) is null)
            {
                errors.Add(new("unknown_reference", $"No segment with id '{segmentId}'.", $"{path}.segmentId"));
            }
        }

        return kind is { } k ? new StageChange(k, promotionId, body.Effect, segmentId, body.BatchSize) : null;
    }

    private static TimeSpan? Duration(string? text, string path, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return XmlConvert.ToTimeSpan(text.Trim());
        }
        catch (FormatException)
        {
            errors.Add(new("invalid_duration", "An ISO 8601 duration such as P2D, PT12H or PT30S.", path));
        }
        catch (OverflowException)
        {
            errors.Add(new("invalid_duration", "The duration is out of range.", path));
        }

        return null;
    }
}
