namespace Promotions.Domain.Discounts.Effects;

/// <summary>The lines a line effect applies to: the whole order or the items a filter matches.</summary>
/// <param name="Filter">Set when <paramref name="Scope"/> is <see cref="TargetScope.Items"/>.</param>
public sealed record EffectTarget(TargetScope Scope, ItemFilter? Filter = null)
{
    /// <summary>All discountable lines of the cart.</summary>
    public static EffectTarget Order { get; } = new(TargetScope.Order);

    /// <summary>True when the line with this SKU and category is targeted.</summary>
    public bool Matches(string sku, string? category) => Filter is null || Filter.Matches(sku, category);
}
