namespace Promotions.Domain.Rules;

/// <summary>
/// Bounds on one condition document, so that a stored rule cannot make evaluation or validation
/// arbitrarily expensive. Exceeding one is a validation error, never a truncation.
/// </summary>
public static class RuleLimits
{
    /// <summary>Levels of nesting; the root condition is level 1.</summary>
    public const int MaxDepth = 10;

    /// <summary>Condition nodes (groups, negations and leaves) in one document.</summary>
    public const int MaxNodes = 500;

    /// <summary>Characters in any string: operands, parameters and fact names.</summary>
    public const int MaxStringLength = 256;

    /// <summary>Items in one list operand.</summary>
    public const int MaxListItems = 1000;

    /// <summary>Largest <c>withinDays</c> (100 years).</summary>
    public const int MaxWithinDays = 36_500;
}
