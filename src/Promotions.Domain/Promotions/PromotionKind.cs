namespace Promotions.Domain.Promotions;

/// <summary>How a promotion is triggered: automatically when its rules hold, or by a code.</summary>
public enum PromotionKind
{
    Automatic,
    Code,
}
