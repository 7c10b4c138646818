namespace Promotions.Domain.Plans;

/// <summary>What a stage change does (wire names: <c>activate</c>, <c>pause</c>, <c>end</c>, <c>set_effect</c>).</summary>
public enum StageChangeKind
{
    Activate,
    Pause,
    End,
    SetEffect,
}
