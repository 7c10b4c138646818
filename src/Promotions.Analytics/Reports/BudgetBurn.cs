namespace Promotions.Analytics.Reports;

/// <summary>
/// A campaign's budget and how fast it goes: <paramref name="Used"/> is the net discount of all time in the
/// budget's currency, <paramref name="Days"/> the net discount of each day in the range with the running total.
/// <paramref name="Source"/> says where the amount came from: <c>catalog</c> or <c>events</c> (the last threshold event).
/// </summary>
public sealed record BudgetBurn(
    decimal Amount,
    string Currency,
    string Source,
    decimal Used,
    decimal Left,
    decimal UsedPercent,
    IReadOnlyList<BurnDay> Days,
    IReadOnlyList<ThresholdCrossing> Thresholds);

/// <summary>One day of budget burn.</summary>
public sealed record BurnDay(DateOnly Day, decimal Spent, decimal Cumulative);

/// <summary>A budget threshold the ledger reported crossing.</summary>
public sealed record ThresholdCrossing(int Percent, DateTimeOffset OccurredAt, decimal Spent);
