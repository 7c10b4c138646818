using System.Globalization;
using Promotions.Domain.Discounts;
using Promotions.Domain.Discounts.Effects;
using Promotions.Domain.Discounts.Engine;

namespace Promotions.Domain.Offers;

/// <summary>One line of plain English for a discount effect, for channels to show next to an offer.</summary>
public static class EffectSummary
{
    public static string Describe(DiscountEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return effect switch
        {
            PercentOffEffect p => $"{Number(p.Percent)}% off {Target(p.Target)}" + (p.MaxDiscount is { } max ? $" (up to {Money(max, effect)})" : ""),
            AmountOffEffect a => $"{Money(a.Amount, effect)} off {Target(a.Target)}",
            FixedPriceEffect f => $"{f.Quantity} {Target(f.Target)} for {Money(f.Price, effect)}",
            BuyXGetYEffect b => $"Buy {b.Buy.Quantity}{Hints.From(b.Buy.Filter)}, get {b.Get.Quantity}{Hints.From(b.Get.Filter)} "
                + (b.Get.PercentOff == 100m ? "free" : $"{Number(b.Get.PercentOff)}% off"),
            TieredEffect t => "Spend more, save more: " + string.Join("; ", t.Tiers.Select(tier => Tier(tier, t.Basis, effect))),
            FreeShippingEffect s => "Free shipping" + (s.MaxDiscount is { } cap ? $" (up to {Money(cap, effect)})" : ""),
            FreeGiftEffect g => $"Free gift: {g.Quantity} × {g.Sku}",
            _ => effect.Type,
        };
    }

    private static string Tier(Tier tier, TierBasis basis, DiscountEffect effect)
    {
        var threshold = basis == TierBasis.Quantity ? $"{Number(tier.Threshold)} items" : Money(tier.Threshold, effect);
        var benefit = tier.PercentOff is { } percent ? $"{Number(percent)}% off" : $"{Money(tier.AmountOff ?? 0m, effect)} off";
        return $"{threshold} → {benefit}";
    }

    private static string Target(EffectTarget target) =>
        target.Scope == TargetScope.Order ? "the order" : "items" + Hints.From(target.Filter);

    private static string Money(decimal amount, DiscountEffect effect) =>
        effect.Currency is { } currency ? Hints.Amount(amount, currency) : Number(amount);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
