using Promotions.AdminApi.Common;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;

namespace Promotions.AdminApi.Campaigns;

/// <summary>
/// Checks a budget's pacing: even pacing needs the campaign's window and a tolerance from 0 to 1 (default 0.1), daily
/// pacing a daily amount above zero and at most the budget, in the budget's currency.
/// </summary>
internal static class PacingValidation
{
    public const decimal DefaultTolerance = 0.1m;
    private const string Path = "$.budget.pacing";

    public static BudgetPacing? Check(PacingBody? body, CampaignRequest campaign, FieldChecks checks)
    {
        if (body is null)
        {
            return null;
        }

        switch (body.Mode)
        {
            case PacingMode.Even:
                if (campaign.StartsAt is null || campaign.EndsAt is null)
                {
                    checks.Add("window_required", "Even pacing spreads the budget over the campaign's window: set startsAt and endsAt.", $"{Path}.mode");
                }

                if (body.Amount is not null)
                {
                    checks.Add("not_allowed", "Even pacing takes a tolerance, not an amount.", $"{Path}.amount");
                }

                if (body.Tolerance is < 0m or > 1m)
                {
                    checks.Add("out_of_range", "The tolerance is a fraction of the budget from 0 to 1, e.g. 0.1.", $"{Path}.tolerance");
                }

                return new BudgetPacing(PacingMode.Even, Tolerance: body.Tolerance ?? DefaultTolerance);
            case PacingMode.Daily:
                if (body.Tolerance is not null)
                {
                    checks.Add("not_allowed", "Daily pacing takes an amount, not a tolerance.", $"{Path}.tolerance");
                }

                var budget = campaign.Budget?.Amount;
                if (body.Amount is not { } amount)
                {
                    checks.Add("required", "Daily pacing needs the amount the campaign may spend per day.", $"{Path}.amount");
                }
                else if (MoneyLimits.Problem(amount, MoneyLimits.MaxTotal, campaign.Budget?.Currency, allowZero: false) is { } problem)
                {
                    checks.Add("out_of_range", problem, $"{Path}.amount");
                }
                else if (amount > budget)
                {
                    checks.Add("out_of_range", "The daily amount cannot be more than the whole budget.", $"{Path}.amount");
                }

                return new BudgetPacing(PacingMode.Daily, Amount: body.Amount);
            default:
                checks.Add("required", "The pacing mode is required: even or daily.", $"{Path}.mode");
                return null;
        }
    }
}
