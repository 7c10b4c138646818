namespace Promotions.Domain.Campaigns;

/// <summary>How a campaign's budget is paced (<see cref="BudgetPacing"/>).</summary>
public enum PacingMode
{
    /// <summary>Spend evenly over the campaign's window, within a tolerance ahead of the straight line.</summary>
    Even,

    /// <summary>Spend at most an amount per UTC day, counted from the campaign's start day.</summary>
    Daily,
}
