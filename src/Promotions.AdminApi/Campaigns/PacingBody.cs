using Promotions.Domain.Campaigns;

namespace Promotions.AdminApi.Campaigns;

/// <summary>
/// How a budget is paced (request and response): <c>{"mode":"even","tolerance":0.1}</c> or
/// <c>{"mode":"daily","amount":200}</c> (docs/scheduling.md, "Budget pacing").
/// </summary>
internal sealed record PacingBody(PacingMode? Mode = null, decimal? Tolerance = null, decimal? Amount = null)
{
    public static PacingBody? From(BudgetPacing? pacing) => pacing is null ? null : new(pacing.Mode, pacing.Tolerance, pacing.Amount);
}
