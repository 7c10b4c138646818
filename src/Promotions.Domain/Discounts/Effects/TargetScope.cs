namespace Promotions.Domain.Discounts.Effects;

/// <summary>What a line effect targets.</summary>
public enum TargetScope
{
    /// <summary>Every discountable line (<c>"scope":"order"</c>).</summary>
    Order,

    /// <summary>The lines an <see cref="ItemFilter"/> matches (<c>"scope":"items"</c>).</summary>
    Items,
}
