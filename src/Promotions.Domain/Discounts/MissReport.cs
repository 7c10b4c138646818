namespace Promotions.Domain.Discounts;

/// <summary>Which candidates that gave no discount a quote reports (<see cref="QuotePolicy.Misses"/>).</summary>
public enum MissReport
{
    /// <summary>Every one, with its reason: what <c>explain</c> asks for, and what the engine's own tests read.</summary>
    All,

    /// <summary>
    /// Codes (the customer entered them) and promotions whose miss says how to qualify (a hint); automatic promotions
    /// that lost to a better deal, had nothing to discount or did not fit the stack are left out.
    /// </summary>
    Actionable,
}
