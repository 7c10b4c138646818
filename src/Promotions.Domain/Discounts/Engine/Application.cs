namespace Promotions.Domain.Discounts.Engine;

/// <summary>How far <see cref="StackEvaluator.Apply"/> goes with a promotion.</summary>
internal enum Application
{
    /// <summary>
    /// Only whether it gives anything, and why not: the state is left as it was and the line discount is not
    /// allocated (allocating a positive amount over positive weights always gives some of it to a line).
    /// </summary>
    Probe,

    /// <summary>What it would give: allocated, but the state is left as it was.</summary>
    Try,

    /// <summary>Applied: the state is updated.</summary>
    Commit,

    /// <summary>Applied, with the allocations kept in the plan's shares.</summary>
    Detail,
}
