using System.Text.Json;
using Promotions.AdminApi.Common;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Rules;

namespace Promotions.AdminApi.Promotions;

/// <summary>
/// Checks a promotion body field by field — the effect with the discount parser, every rule with the rule
/// language — and builds the promotion from it. Nothing is stored unless all of it is valid.
/// </summary>
internal sealed class PromotionValidation(ICampaignStore campaigns, TimeProvider clock)
{
    public const int MaxPriority = 1000;
    public const int MaxRules = 50;
    public const int MaxPeriodLimits = 4;
    private const int RuleTypeMax = 50;

    /// <param name="existing">The stored promotion on replace (its campaign and kind are fixed), null on create.</param>
    public async Task<Result<Promotion>> ValidateAsync(PromotionRequest body, Promotion template, Promotion? existing, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var name = checks.Required(body.Name, "$.name");
        var description = checks.Optional(body.Description, "$.description");
        checks.Window(body.StartsAt, body.EndsAt, "$.endsAt");
        await CheckCampaign(body.CampaignId, existing, checks, ct);
        if (body.Kind is null)
        {
            checks.Add("required", "The kind is required: automatic or code.", "$.kind");
        }
        else if (existing is not null && body.Kind != existing.Kind)
        {
            checks.Add("immutable", "The kind of a promotion cannot change; create a new promotion instead.", "$.kind");
        }

        CheckEffect(body.Effect, checks);
        var rules = Rules(body.Rules, template.Id, checks);
        var channels = ChannelList(body.Channels, checks);
        checks.Between(body.Priority ?? 0, 0, MaxPriority, "$.priority");
        checks.AtLeast(body.MaxRedemptions, 1, "$.maxRedemptions");
        checks.AtLeast(body.PerCustomerLimit, 1, "$.perCustomerLimit");
        var periodLimits = PeriodLimits(body.PeriodLimits, checks);
        var group = checks.Optional(body.Stacking?.Group, "$.stacking.group", FieldChecks.NameMax);
        if (checks.HasErrors)
        {
            return Result<Promotion>.Fail(checks.Errors);
        }

        return template with
        {
            CampaignId = body.CampaignId!,
            Name = name,
            Description = description,
            Kind = body.Kind!.Value,
            StartsAt = body.StartsAt,
            EndsAt = body.EndsAt,
            Effect = body.Effect!.Value,
            Rules = rules,
            Channels = channels,
            Priority = body.Priority ?? 0,
            Stacking = new Stacking(body.Stacking?.Exclusive ?? false, group),
            MaxRedemptions = body.MaxRedemptions,
            PerCustomerLimit = body.PerCustomerLimit,
            PeriodLimits = periodLimits,
        };
    }

    /// <summary>
    /// At most one limit per period and scope (every customer, per customer): each is one counter the redemption
    /// changes, and one more item of its transaction (docs/redemption.md, "Stack size").
    /// </summary>
    private static List<PeriodLimit> PeriodLimits(IReadOnlyList<PeriodLimitBody>? limits, FieldChecks checks)
    {
        var result = new List<PeriodLimit>();
        if (limits is null)
        {
            return result;
        }

        if (limits.Count > MaxPeriodLimits)
        {
            checks.Add("too_many", $"At most {MaxPeriodLimits} period limits: one per period (day, week) over all customers and one per customer.",
                "$.periodLimits");
            return result;
        }

        for (var i = 0; i < limits.Count; i++)
        {
            var path = $"$.periodLimits[{i}]";
            if (limits[i] is not { } limit)
            {
                checks.Add("required", "A period limit needs a period and a max.", path);
                continue;
            }

            if (limit.Period is null)
            {
                checks.Add("required", "The period is required: day or week.", $"{path}.period");
            }

            if (limit.Max is null)
            {
                checks.Add("required", "The most redemptions per period is required.", $"{path}.max");
            }

            checks.AtLeast(limit.Max, 1, $"{path}.max");
            if (limit is not { Period: { } p, Max: { } max and >= 1 })
            {
                continue;
            }

            var perCustomer = limit.PerCustomer ?? false;
            if (result.Any(r => r.Period == p && r.PerCustomer == perCustomer))
            {
                checks.Add("duplicate", "This period already has a limit of this scope; keep one.", path);
                continue;
            }

            result.Add(new PeriodLimit(p, max, perCustomer));
        }

        return result;
    }

    private async Task CheckCampaign(string? campaignId, Promotion? existing, FieldChecks checks, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(campaignId))
        {
            checks.Add("required", "The campaign id is required.", "$.campaignId");
        }
        else if (existing is not null && campaignId != existing.CampaignId)
        {
            checks.Add("immutable", "A promotion cannot move to another campaign.", "$.campaignId");
        }
        else
        {
            await checks.ReferenceAsync(campaignId, "$.campaignId", "campaign", campaigns.GetAsync, ct);
        }
    }

    private static void CheckEffect(JsonElement? effect, FieldChecks checks)
    {
        if (effect is not { ValueKind: not JsonValueKind.Null } json)
        {
            checks.Add("required", "The effect is required, e.g. {\"type\":\"percent_off\",\"percent\":10}.", "$.effect");
            return;
        }

        checks.AddRange(EffectParser.Parse(json, "$.effect").Errors);
    }

    private List<Rule> Rules(IReadOnlyList<RuleRequest>? rules, string promotionId, FieldChecks checks)
    {
        var result = new List<Rule>();
        if (rules is null)
        {
            return result;
        }

        if (rules.Count > MaxRules)
        {
            checks.Add("too_many", $"At most {MaxRules} rules; combine conditions with all/any instead.", "$.rules");
            return result;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            var path = $"$.rules[{i}]";
            var rule = rules[i];
            if (rule?.Condition is not { ValueKind: not JsonValueKind.Null } condition)
            {
                checks.Add("required", "A rule needs a condition.", $"{path}.condition");
                continue;
            }

            checks.AddRange(RuleLanguage.Parse(condition, $"{path}.condition").Errors);
            var ruleType = checks.Optional(rule.RuleType, $"{path}.ruleType", RuleTypeMax) ?? "eligibility";
            result.Add(new Rule(Ids.New("rul", clock), promotionId, ruleType, condition, rule.Priority ?? i));
        }

        return result;
    }

    private static List<string> ChannelList(IReadOnlyList<string>? channels, FieldChecks checks)
    {
        // Omitted means every channel; an explicit empty list would mean a promotion no channel can offer.
        if (channels is null)
        {
            return [.. Channels.All];
        }

        if (channels.Count == 0)
        {
            checks.Add("required", "List at least one channel, or omit channels for all of them.", "$.channels");
        }

        for (var i = 0; i < channels.Count; i++)
        {
            if (!Channels.IsKnown(channels[i]))
            {
                checks.Add("unknown_channel", $"'{channels[i]}' is not a channel; use one of: {string.Join(", ", Channels.All)}.", $"$.channels[{i}]");
            }
        }

        return [.. channels.Distinct(StringComparer.Ordinal)];
    }
}
