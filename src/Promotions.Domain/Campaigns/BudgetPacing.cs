namespace Promotions.Domain.Campaigns;

/// <summary>
/// How a campaign's budget is paced: <see cref="PacingMode.Even"/> with a <paramref name="Tolerance"/> (a fraction of the
/// budget the spend may run ahead of the straight line, e.g. 0.1), or <see cref="PacingMode.Daily"/> with a daily
/// <paramref name="Amount"/> in the budget's currency. <see cref="Pace"/> decides; the schedule applies it.
/// </summary>
public sealed record BudgetPacing(PacingMode Mode, decimal? Tolerance = null, decimal? Amount = null);
