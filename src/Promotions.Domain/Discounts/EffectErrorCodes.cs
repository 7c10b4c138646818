namespace Promotions.Domain.Discounts;

/// <summary>
/// The stable codes of <see cref="Common.DomainError"/>s that <see cref="EffectParser"/> returns; each error
/// carries the JSON path of the offending value. The set is closed and documented in <c>docs/discounts.md</c>.
/// </summary>
public static class EffectErrorCodes
{
    /// <summary>A value has the wrong JSON kind (e.g. a string where a number or an object is expected).</summary>
    public const string InvalidValue = "effect.invalid_value";

    /// <summary>A required property is absent or null.</summary>
    public const string MissingProperty = "effect.missing_property";

    /// <summary>A property the effect does not define (typos are not ignored).</summary>
    public const string UnknownProperty = "effect.unknown_property";

    /// <summary>The same property appears twice in one object.</summary>
    public const string DuplicateProperty = "effect.duplicate_property";

    /// <summary>The <c>type</c> is not one of the known effect types.</summary>
    public const string UnknownType = "effect.unknown_type";

    /// <summary>A number is outside its range: zero or negative amounts, percent outside (0, 100], counts below 1.</summary>
    public const string OutOfRange = "effect.out_of_range";

    /// <summary>A filter selects nothing specific (no SKUs, categories or exclusions), or a list holds an empty entry.</summary>
    public const string EmptyFilter = "effect.empty_filter";

    /// <summary>A tiered effect has no tiers.</summary>
    public const string EmptyTiers = "effect.empty_tiers";

    /// <summary>Tier thresholds do not strictly increase.</summary>
    public const string TiersNotIncreasing = "effect.tiers_not_increasing";

    /// <summary>Properties that cannot be used together (e.g. a tier with both <c>percentOff</c> and <c>amountOff</c>).</summary>
    public const string ConflictingProperties = "effect.conflicting_properties";

    /// <summary>A value is not one of the allowed words (e.g. <c>scope</c>, <c>basis</c>, <c>choose</c>).</summary>
    public const string UnknownValue = "effect.unknown_value";

    /// <summary>A currency is not an ISO 4217 code of three upper-case letters.</summary>
    public const string InvalidCurrency = "effect.invalid_currency";
}
