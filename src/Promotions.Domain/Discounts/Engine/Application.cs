namespace Promotions.Domain.Discounts.Engine;

/// <summary>How far <see cref="StackEvaluator.Apply"/> goes with a promotion.</summary>
internal enum Application
{
    /// <summary>
    /// What it would give, and why nothing if so, with the state left as it was. The line discount is not
    /// allocated: the allocation always hands out the whole rounded amount (a line's share is bounded by its
    /// weight, and the weights add up to at least that amount), so the benefit is known without it.
    /// </summary>
    Probe,

    /// <summary>Applied: the state is updated.</summary>
    Commit,

    /// <summary>Applied, with the allocations kept in the plan's shares.</summary>
    Detail,
}
