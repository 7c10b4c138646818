using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;
using Promotions.Domain.Rules.Parsing;

namespace Promotions.Domain.Discounts.Parsing;

/// <summary>Parses <c>tiered</c> effects: non-empty tiers, strictly increasing thresholds, one benefit per tier.</summary>
internal static class TieredParser
{
    private static readonly string[] Properties = [.. CommonFields.Line, "target", "basis", "tiers"];
    private static readonly string[] TierProperties = ["threshold", "percentOff", "amountOff"];

    public static DiscountEffect? Parse(JsonElement json, string path, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(json, path, errors, Properties)!;
        var common = CommonFields.Read(reader);
        var basis = reader.Word("basis", required: false, "subtotal", "quantity") == "quantity" ? TierBasis.Quantity : TierBasis.Subtotal;
        var tiers = ReadTiers(reader, basis, errors);
        var target = TargetParser.ReadTarget(reader, errors);
        return tiers is null || target is null
            ? null
            : new TieredEffect(basis, tiers, target) { Currency = common.Currency, ExcludeAlreadyDiscounted = common.ExcludeAlreadyDiscounted };
    }

    private static List<Tier>? ReadTiers(JsonObjectReader reader, TierBasis basis, List<DomainError> errors)
    {
        if (reader.Value("tiers", required: true) is not { } array)
        {
            return null;
        }

        var tiersPath = reader.PathOf("tiers");
        if (array.ValueKind != JsonValueKind.Array)
        {
            reader.Error(EffectErrorCodes.InvalidValue, "'tiers' must be an array.", tiersPath);
            return null;
        }

        if (array.GetArrayLength() == 0)
        {
            reader.Error(EffectErrorCodes.EmptyTiers, "'tiers' needs at least one tier.", tiersPath);
            return null;
        }

        var tiers = new List<Tier>();
        decimal? previous = null;
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var tier = ReadTier(element, JsonPath.Index(tiersPath, index++), basis, errors);
            if (tier is null)
            {
                continue;
            }

            if (previous is not null && tier.Threshold <= previous)
            {
                reader.Error(
                    EffectErrorCodes.TiersNotIncreasing,
                    $"Thresholds must strictly increase; {tier.Threshold} follows {previous}.",
                    JsonPath.Property(JsonPath.Index(tiersPath, index - 1), "threshold"));
            }

            previous = tier.Threshold;
            tiers.Add(tier);
        }

        return tiers;
    }

    private static Tier? ReadTier(JsonElement element, string path, TierBasis basis, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(element, path, errors, TierProperties);
        if (reader is null)
        {
            return null;
        }

        decimal? threshold = basis == TierBasis.Quantity ? reader.Count("threshold", required: true) : reader.Amount("threshold", required: true, MoneyLimits.MaxTotal);
        var percentOff = reader.Percent("percentOff", required: false);
        var amountOff = reader.Amount("amountOff", required: false, MoneyLimits.MaxTotal);
        var hasPercent = reader.Value("percentOff", required: false) is not null;
        var hasAmount = reader.Value("amountOff", required: false) is not null;
        if (hasPercent && hasAmount)
        {
            reader.Error(EffectErrorCodes.ConflictingProperties, "A tier has either 'percentOff' or 'amountOff', not both.", reader.PathOf("amountOff"));
            return null;
        }

        if (!hasPercent && !hasAmount)
        {
            reader.Error(EffectErrorCodes.MissingProperty, "A tier needs 'percentOff' or 'amountOff'.", reader.PathOf("percentOff"));
            return null;
        }

        return threshold is null || (percentOff is null && amountOff is null) ? null : new Tier(threshold.Value, percentOff, amountOff);
    }
}
