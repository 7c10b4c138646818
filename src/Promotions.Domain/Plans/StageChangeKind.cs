namespace Promotions.Domain.Plans;

/// <summary>
/// What a stage change does (wire names: <c>activate</c>, <c>pause</c>, <c>end</c>, <c>set_effect</c>,
/// <c>distribute_codes</c>).
/// </summary>
public enum StageChangeKind
{
    Activate,
    Pause,
    End,
    SetEffect,

    /// <summary>Gives each customer of a segment one unused code of the promotion's pool, in batches (<see cref="CodeDistribution"/>).</summary>
    DistributeCodes,
}
