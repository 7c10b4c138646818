using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;

namespace Promotions.Domain.Offers;

/// <summary>
/// A short digest of everything a quote promises: the currency, the totals, and each applied promotion with its
/// code, discounts, allocation per line and gifts, in minor units. <c>/validate</c> answers it; a checkout that
/// sends it back to <c>/redemptions</c> is redeemed only if the quote made at redemption is the same to the minor unit.
/// </summary>
public static class QuoteFingerprint
{
    public static string Of(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var currency = quote.Currency;
        var text = new StringBuilder();
        Append(text, currency).Append('|');
        foreach (var amount in new[] { quote.Subtotal, quote.Shipping, quote.TotalDiscount, quote.Total })
        {
            Append(text, Minor(amount, currency)).Append('|');
        }

        foreach (var applied in quote.Applied)
        {
            Append(text, applied.PromotionId).Append(';');
            Append(text, applied.Code ?? string.Empty).Append(';');
            Append(text, Minor(applied.Amount, currency)).Append(';');
            Append(text, Minor(applied.ShippingDiscount, currency)).Append(';');
            foreach (var allocation in applied.Allocations)
            {
                Append(text, allocation.LineId).Append('=');
                Append(text, Minor(allocation.Amount, currency)).Append(',');
            }

            foreach (var gift in applied.Gifts)
            {
                Append(text, gift.Sku).Append('x');
                Append(text, gift.Quantity.ToString(CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append('|');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "qf_" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private static string Minor(decimal amount, string currency) => Money.ToMinor(amount, currency).ToString(CultureInfo.InvariantCulture);

    // Lengths first, so no text can pass for a separator.
    private static StringBuilder Append(StringBuilder text, string value) =>
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
}
