using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Offers;

/// <summary>
/// Turns the quote of a cart into the ledger command that redeems it: one part per applied promotion, each with
/// exactly the quote's discount and allocation per line, the limits of its promotion and campaign as the live
/// catalog has them, and its share of the order's revenue. What the customer was quoted is what is recorded.
/// </summary>
public static class QuotedOrder
{
    /// <param name="holdUntil">The end of a hold; null for a direct redemption.</param>
    public static RedeemCommand Command(
        string id, string orderId, Cart cart, CustomerProfile customer, string channel, Quote quote, CatalogSnapshot snapshot,
        DateTimeOffset now, DateTimeOffset? holdUntil)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(snapshot);
        var orderTotal = quote.Subtotal + quote.Shipping;
        var revenue = Attribute(orderTotal, quote.Applied.Select(static a => a.Amount + a.ShippingDiscount).ToArray(), cart.Currency);
        var parts = new Redemption[quote.Applied.Count];
        var limits = new RedemptionLimits[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var applied = quote.Applied[i];
            var live = snapshot.ById[applied.PromotionId];
            var allocated = applied.Allocations.ToDictionary(static a => a.LineId, static a => a.Amount, StringComparer.Ordinal);
            parts[i] = new Redemption(
                $"{id}-{i + 1}", applied.PromotionId, null, customer.Id, channel, now, orderId,
                orderTotal, applied.Amount + applied.ShippingDiscount, cart.Currency, applied.Allocations,
                holdUntil is null ? RedemptionStatus.Confirmed : RedemptionStatus.Reserved)
            {
                CampaignId = live.Campaign.Id,
                Code = applied.Code,
                ShippingDiscount = applied.ShippingDiscount,
                Lines = cart.Lines.Select(l => new RedeemedLine(l.LineId, l.Quantity, allocated.GetValueOrDefault(l.LineId))).ToArray(),
                ExpiresAt = holdUntil,
                CustomerSegmentIds = customer.SegmentIds,
                Revenue = revenue[i],
                Stage = live.Campaign.Plan is null ? null : live.Campaign.Stage,
                Gifts = applied.Gifts,
                UpdatedAt = now,
            };
            var budget = live.Campaign.Budget;
            limits[i] = new RedemptionLimits(live.Promotion.MaxRedemptions, live.Promotion.PerCustomerLimit, budget?.Amount, budget?.Currency)
            {
                PeriodLimits = live.Promotion.PeriodLimits,
            };
        }

        var order = new OrderRedemption(
            id, orderId, customer.Id, channel, cart.Currency, quote.Subtotal, quote.Shipping,
            cart.Lines.Select(static l => new OrderLine(l.LineId, l.Quantity, l.Total)).ToArray(), parts, now)
        {
            QuoteFingerprint = QuoteFingerprint.Of(quote),
        };
        return new RedeemCommand(order, limits);
    }

    /// <summary>
    /// Splits <paramref name="total"/> across promotions in proportion to their discounts (equally when none has
    /// one), to the currency's minor unit, the remainder going to the largest fractions first: the parts always
    /// add up to the total exactly, so an order's revenue counts once however many promotions shared it.
    /// </summary>
    public static decimal[] Attribute(decimal total, IReadOnlyList<decimal> weights, string currency)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            return [];
        }

        var sum = weights.Sum();
        var shares = sum > 0m ? weights.Select(w => w / sum).ToArray() : weights.Select(_ => 1m / weights.Count).ToArray();
        var minor = Money.ToMinor(total, currency);
        var floors = shares.Select(s => (long)Math.Floor(minor * s)).ToArray();
        var left = minor - floors.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => (minor * shares[i]) - floors[i]).ThenBy(i => i).Take((int)left))
        {
            floors[i]++;
        }

        return floors.Select(f => Money.FromMinor(f, currency)).ToArray();
    }
}
