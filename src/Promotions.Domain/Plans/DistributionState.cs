namespace Promotions.Domain.Plans;

/// <summary>Where a code distribution is (wire names <c>running</c>, <c>completed</c>, <c>exhausted</c>).</summary>
public enum DistributionState
{
    /// <summary>Batches remain to be written.</summary>
    Running,

    /// <summary>Every customer of the segment got a code (or had one from this pool already).</summary>
    Completed,

    /// <summary>The pool ran out of unused codes: <see cref="DistributionProgress.Remaining"/> customers got none.</summary>
    Exhausted,
}
