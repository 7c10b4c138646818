using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Parsing;

/// <summary>Parsers of the effects that do not discount lines: free shipping and free gifts.</summary>
internal static class OrderEffectParsers
{
    private static readonly string[] FreeShippingProperties = [.. CommonFields.Base, "maxDiscount"];
    private static readonly string[] FreeGiftProperties = [.. CommonFields.Base, "sku", "quantity", "value"];

    public static DiscountEffect? FreeShipping(JsonElement json, string path, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(json, path, errors, FreeShippingProperties)!;
        var common = CommonFields.Read(reader);
        var cap = reader.Amount("maxDiscount", required: false, MoneyLimits.MaxTotal);
        return new FreeShippingEffect(cap) { Currency = common.Currency };
    }

    public static DiscountEffect? FreeGift(JsonElement json, string path, List<DomainError> errors)
    {
        var reader = JsonObjectReader.Open(json, path, errors, FreeGiftProperties)!;
        var common = CommonFields.Read(reader);
        var sku = reader.Text("sku", required: true);
        var quantity = reader.Count("quantity", required: false) ?? 1;
        var value = reader.Amount("value", required: true, MoneyLimits.MaxAmount, allowZero: true);
        if (value * quantity > MoneyLimits.MaxTotal)
        {
            // Each gift is a price, and all of them together a total: within MaxTotal, as a cart's.
            reader.Error(EffectErrorCodes.OutOfRange,
                $"'value' × 'quantity' must be at most {MoneyLimits.Format(MoneyLimits.MaxTotal)}.", reader.PathOf("value"));
            value = null;
        }

        return sku is null || value is null ? null : new FreeGiftEffect(sku, quantity, value.Value) { Currency = common.Currency };
    }
}
