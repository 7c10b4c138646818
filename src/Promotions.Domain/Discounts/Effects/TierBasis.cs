namespace Promotions.Domain.Discounts.Effects;

/// <summary>What a tier threshold is compared with.</summary>
public enum TierBasis
{
    /// <summary>The targeted lines' undiscounted amount, in the cart currency.</summary>
    Subtotal,

    /// <summary>The number of targeted units.</summary>
    Quantity,
}
