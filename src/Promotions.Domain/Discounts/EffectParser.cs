using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;
using Promotions.Domain.Discounts.Parsing;
using Promotions.Domain.Rules.Parsing;

namespace Promotions.Domain.Discounts;

/// <summary>
/// Turns effect JSON into a typed <see cref="DiscountEffect"/>, or every problem found as a
/// <see cref="DomainError"/> (codes in <see cref="EffectErrorCodes"/>) with its JSON path under the given prefix.
/// </summary>
public static class EffectParser
{
    /// <summary>Every effect type this parser knows (the values of <c>type</c>).</summary>
    public static IReadOnlyList<string> KnownTypes => EffectTypes.All;

    /// <summary>Parses and validates one effect.</summary>
    /// <param name="json">The effect object.</param>
    /// <param name="path">The JSON path of <paramref name="json"/> in the caller's document, e.g. <c>$.effect</c>.</param>
    public static Result<DiscountEffect> Parse(JsonElement json, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<DomainError>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            return new DomainError(EffectErrorCodes.InvalidValue, "An effect is a JSON object.", path);
        }

        var typePath = JsonPath.Property(path, "type");
        if (!json.TryGetProperty("type", out var typeElement) || typeElement.ValueKind == JsonValueKind.Null)
        {
            return new DomainError(EffectErrorCodes.MissingProperty, "'type' is required.", typePath);
        }

        if (typeElement.ValueKind != JsonValueKind.String)
        {
            return new DomainError(EffectErrorCodes.InvalidValue, "'type' must be a string.", typePath);
        }

        var effect = typeElement.GetString() switch
        {
            EffectTypes.PercentOff => LineEffectParsers.PercentOff(json, path, errors),
            EffectTypes.AmountOff => LineEffectParsers.AmountOff(json, path, errors),
            EffectTypes.FixedPrice => LineEffectParsers.FixedPrice(json, path, errors),
            EffectTypes.BuyXGetY => BuyXGetYParser.Parse(json, path, errors),
            EffectTypes.Tiered => TieredParser.Parse(json, path, errors),
            EffectTypes.FreeShipping => OrderEffectParsers.FreeShipping(json, path, errors),
            EffectTypes.FreeGift => OrderEffectParsers.FreeGift(json, path, errors),
            var unknown => UnknownType(unknown, typePath, errors),
        };

        return errors.Count == 0 && effect is not null ? Result<DiscountEffect>.Ok(effect) : Result<DiscountEffect>.Fail(errors);
    }

    private static DiscountEffect? UnknownType(string? type, string path, List<DomainError> errors)
    {
        errors.Add(new DomainError(
            EffectErrorCodes.UnknownType,
            $"Unknown effect type '{type}'; known: {string.Join(", ", EffectTypes.All)}.",
            path));
        return null;
    }
}
