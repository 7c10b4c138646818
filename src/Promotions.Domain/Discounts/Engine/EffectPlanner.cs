using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Prepares an <see cref="EffectPlan"/> for each candidate: targeting, tier reached and misses known up front.</summary>
internal static class EffectPlanner
{
    public static void Plan(EffectPlan plan, CartView view, QuotePolicy policy, SelectionCache selections)
    {
        var effect = plan.Effect;
        var exclude = policy.ExcludeAlreadyDiscounted || effect.ExcludeAlreadyDiscounted;
        switch (effect)
        {
            case PercentOffEffect { Target: var target } percent:
                var percentLines = plan.SelectTarget(selections, view, target.Filter, exclude);
                plan.StaticMiss = percentLines.Emptiness(target.Filter);
                plan.Arithmetic = LineArithmetic.Percent(percent.Percent, percent.MaxDiscount, percentLines, view);
                break;
            case AmountOffEffect { Target: var target } amount:
                var amountLines = plan.SelectTarget(selections, view, target.Filter, exclude);
                plan.StaticMiss = amountLines.Emptiness(target.Filter);
                plan.Arithmetic = LineArithmetic.Amount(amount.Amount, amountLines, view);
                break;
            case FixedPriceEffect fixedPrice:
                var units = plan.SelectTarget(selections, view, fixedPrice.Target.Filter, exclude);
                var shortBy = fixedPrice.Quantity - units.EligibleUnits;
                plan.StaticMiss = units.Emptiness(fixedPrice.Target.Filter)
                    ?? (shortBy > 0 ? Hints.NotEnoughItems(shortBy, fixedPrice.Target.Filter, "the fixed price") : null);
                break;
            case BuyXGetYEffect bxgy:
                BuyXGetYPlan(plan, bxgy, view, exclude, selections);
                break;
            case TieredEffect tiered:
                TierPlanner.Plan(plan, tiered, plan.SelectTarget(selections, view, tiered.Target.Filter, exclude), view);
                break;
            case FreeShippingEffect { MaxDiscount: { } cap }:
                // Shipping left is whole minor units, so rounding min(cap, left) down is min(cap rounded down, left);
                // -1 marks a cap that leaves nothing at all.
                plan.ShippingCapMinor = cap > 0m ? Money.ToMinor(Money.Floor(cap, view.Currency), view.Currency) : -1;
                break;
            case FreeGiftEffect gift:
                plan.Gift = new GiftLine(gift.Sku, gift.Quantity, Money.Round(gift.Value * gift.Quantity, view.Currency));
                plan.GiftMinor = MinorUnits.OnGrid(plan.Gift.Value, view.Digits);
                break;
        }
    }

    private static void BuyXGetYPlan(EffectPlan plan, BuyXGetYEffect effect, CartView view, bool exclude, SelectionCache selections)
    {
        var buy = plan.SelectBuy(selections, view, effect.Buy.Filter, exclude);
        var get = plan.SelectTarget(selections, view, effect.Get.Filter ?? effect.Buy.Filter, exclude);
        plan.Arithmetic = LineArithmetic.UnitPercent(effect.Get.PercentOff, get, view);
        if (buy.EligibleCount == 0 && buy.Matched > 0)
        {
            plan.StaticMiss = buy.Emptiness(effect.Buy.Filter);
        }
        else if (buy.EligibleUnits < effect.Buy.Quantity)
        {
            plan.StaticMiss = Hints.NotEnoughItems(effect.Buy.Quantity - buy.EligibleUnits, effect.Buy.Filter, "buy X get Y");
        }
    }
}
