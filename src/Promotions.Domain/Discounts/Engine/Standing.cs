namespace Promotions.Domain.Discounts.Engine;

/// <summary>Why the best-deal search left a candidate out of the chosen stack.</summary>
internal enum StandingKind
{
    Chosen,
    LostInGroup,
    ExcludedByExclusive,
    LostToBetterDeal,
}

/// <summary>A candidate's place after the best-deal search; <paramref name="By"/> is the candidate it lost to, if any.</summary>
internal readonly record struct Standing(StandingKind Kind, EffectPlan? By = null);
