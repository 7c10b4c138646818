using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Parsing;

/// <summary>Parsers of the effects that discount targeted lines by a percent, an amount or a fixed price.</summary>
internal static class LineEffectParsers
{
    private static readonly string[] PercentOffProperties = [.. CommonFields.Line, "target", "percent", "maxDiscount"];
    private static readonly string[] AmountOffProperties = [.. CommonFields.Line, "target", "amount"];
    private static readonly string[] FixedPriceProperties = [.. CommonFields.Line, "target", "quantity", "price", "maxApplications"];

    public static DiscountEffect? PercentOff(JsonElement json, string path, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(json, path, errors, PercentOffProperties)!;
        var common = CommonFields.Read(reader);
        var percent = reader.Percent("percent", required: true);
        var cap = reader.Amount("maxDiscount", required: false, MoneyLimits.MaxTotal);
        var target = TargetParser.ReadTarget(reader, errors);
        return percent is null || target is null
            ? null
            : new PercentOffEffect(percent.Value, cap, target) { Currency = common.Currency, ExcludeAlreadyDiscounted = common.ExcludeAlreadyDiscounted };
    }

    public static DiscountEffect? AmountOff(JsonElement json, string path, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(json, path, errors, AmountOffProperties)!;
        var common = CommonFields.Read(reader);
        var amount = reader.Amount("amount", required: true, MoneyLimits.MaxAmount);
        var target = TargetParser.ReadTarget(reader, errors);
        return amount is null || target is null
            ? null
            : new AmountOffEffect(amount.Value, target) { Currency = common.Currency, ExcludeAlreadyDiscounted = common.ExcludeAlreadyDiscounted };
    }

    public static DiscountEffect? FixedPrice(JsonElement json, string path, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(json, path, errors, FixedPriceProperties)!;
        var common = CommonFields.Read(reader);
        var quantity = reader.Count("quantity", required: true);
        var price = reader.Amount("price", required: true, MoneyLimits.MaxAmount);
        var maxApplications = reader.Count("maxApplications", required: false);
        var target = TargetParser.ReadTarget(reader, errors);
        return quantity is null || price is null || target is null
            ? null
            : new FixedPriceEffect(quantity.Value, price.Value, target, maxApplications)
            {
                Currency = common.Currency,
                ExcludeAlreadyDiscounted = common.ExcludeAlreadyDiscounted,
            };
    }
}
