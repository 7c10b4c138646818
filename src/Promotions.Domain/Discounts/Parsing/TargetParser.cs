using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Parsing;

/// <summary>Parses <c>target</c> and <c>filter</c> objects.</summary>
internal static class TargetParser
{
    private static readonly string[] TargetProperties = ["scope", "filter"];
    private static readonly string[] FilterProperties = ["skus", "categories", "excludeSkus"];

    /// <summary>The effect's <c>target</c>; absent means the whole order.</summary>
    public static EffectTarget? ReadTarget(JsonObjectReader effect, List<DomainError> errors)
    {
        if (effect.Value("target", required: false) is not { } element)
        {
            return EffectTarget.Order;
        }

        var target = JsonObjectReader.Open(element, effect.PathOf("target"), errors, TargetProperties);
        if (target is null)
        {
            return null;
        }

        var scope = target.Word("scope", required: true, "order", "items");
        if (scope == "order")
        {
            if (target.Value("filter", required: false) is not null)
            {
                target.Error(EffectErrorCodes.ConflictingProperties, "An order-wide target takes no filter.", target.PathOf("filter"));
            }

            return EffectTarget.Order;
        }

        var filter = ReadFilter(target, "filter", required: true, errors);
        return scope is null || filter is null ? null : new EffectTarget(TargetScope.Items, filter);
    }

    /// <summary>A filter object; it must name at least one SKU, category or excluded SKU.</summary>
    public static ItemFilter? ReadFilter(JsonObjectReader parent, string name, bool required, List<DomainError> errors)
    {
        if (parent.Value(name, required) is not { } element)
        {
            return null;
        }

        var reader = JsonObjectReader.Open(element, parent.PathOf(name), errors, FilterProperties);
        if (reader is null)
        {
            return null;
        }

        var skus = reader.Texts("skus") ?? [];
        var categories = reader.Texts("categories") ?? [];
        var excludeSkus = reader.Texts("excludeSkus") ?? [];
        if (skus.Count == 0 && categories.Count == 0 && excludeSkus.Count == 0)
        {
            reader.Error(EffectErrorCodes.EmptyFilter, "A filter needs at least one of skus, categories or excludeSkus.", reader.Path);
            return null;
        }

        return new ItemFilter(skus, categories, excludeSkus);
    }
}
