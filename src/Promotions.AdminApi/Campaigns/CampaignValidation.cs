using Promotions.AdminApi.Common;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.AdminApi.Campaigns;

/// <summary>Checks a campaign body field by field, references included, and builds the campaign from it.</summary>
internal sealed class CampaignValidation(ISegmentStore segments, ICampaignTypeStore types, IRedemptionLedger ledger)
{
    public async Task<Result<Campaign>> ValidateAsync(CampaignRequest body, Campaign template, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var name = checks.Required(body.Name, "$.name");
        var description = checks.Optional(body.Description, "$.description");
        var owner = checks.Optional(body.Owner, "$.owner", FieldChecks.NameMax);
        checks.Window(body.StartsAt, body.EndsAt, "$.endsAt");
        var budget = Budget(body.Budget, checks);
        var pacing = PacingValidation.Check(body.Budget?.Pacing, body, checks);
        if (budget is not null && template.Budget is { } current && budget.Currency != current.Currency
            && await SpentAsync(template.Id, ct) > 0m)
        {
            // Spending is recorded in the budget's currency; switching it would misstate what is left. The ledger's
            // counter is the authority on spending, so it is asked only when the currency would change.
            checks.Add("currency_locked", $"The budget has spending in {current.Currency}; its currency cannot change.", "$.budget.currency");
            budget = null;
        }

        await checks.ReferenceAsync(body.TargetSegmentId, "$.targetSegmentId", "segment", segments.GetAsync, ct);
        await checks.ReferenceAsync(body.CampaignTypeId, "$.campaignTypeId", "campaign type", types.GetAsync, ct);
        if (checks.HasErrors)
        {
            return Result<Campaign>.Fail(checks.Errors);
        }

        return template with
        {
            Name = name,
            Description = description,
            StartsAt = body.StartsAt,
            EndsAt = body.EndsAt,
            Owner = owner,
            Budget = budget is null ? null : budget with { Pacing = pacing },
            TargetSegmentId = Strings.OrNull(body.TargetSegmentId),
            CampaignTypeId = Strings.OrNull(body.CampaignTypeId),
            Approval = Approval(body.RequiresApproval, template.Approval),
        };
    }

    // Left out, the requirement stays; turned on, the approval starts unsubmitted; turned off, there is none.
    private static CampaignApproval? Approval(bool? required, CampaignApproval? current) => required switch
    {
        null => current,
        true => current is { Required: true } ? current : new CampaignApproval(true),
        false => null,
    };

    private async Task<decimal> SpentAsync(string campaignId, CancellationToken ct) =>
        (await ledger.GetUsageBatchAsync(new UsageQuery([], [campaignId]), ct)).Budget(campaignId);

    private static Budget? Budget(BudgetRequest? body, FieldChecks checks)
    {
        if (body is null)
        {
            return null;
        }

        var currency = Money.IsValidCurrency(body.Currency) ? body.Currency : null;
        if (currency is null)
        {
            checks.Add("invalid_currency", "The currency must be an active ISO 4217 code such as EUR.", "$.budget.currency");
        }

        if (body.Amount is not { } amount)
        {
            checks.Add("out_of_range", "The budget amount is required.", "$.budget.amount");
        }
        else if (MoneyLimits.Problem(amount, MoneyLimits.MaxTotal, currency, allowZero: false) is { } problem)
        {
            checks.Add("out_of_range", problem, "$.budget.amount");
        }

        return checks.HasErrors ? null : new Budget(body.Amount!.Value, body.Currency!);
    }
}
