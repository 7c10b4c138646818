using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Analytics;
using Promotions.Domain.Common;

namespace Promotions.Aws.Analytics;

/// <summary>
/// How a cell's sums are attributes of its item: one number per figure, money in minor units of the cell's
/// currency (so sums are exact integers), each added with <c>ADD</c> so concurrent writers never lose an update.
/// </summary>
internal static class CellSums
{
    public static readonly string[] Names =
    [
        "redemptions", "reversals", "fullReversals", "codeRedemptions", "codesIssued",
        "discountGiven", "discountReversed", "orderRevenue", "revenueReversed",
    ];

    /// <summary>The sums in <see cref="Names"/> order; amounts in minor units of <paramref name="currency"/>.</summary>
    public static long[] ToNumbers(Measures m, string currency) =>
    [
        m.Redemptions, m.Reversals, m.FullReversals, m.CodeRedemptions, m.CodesIssued,
        Minor(m.DiscountGiven, currency), Minor(m.DiscountReversed, currency),
        Minor(m.OrderRevenue, currency), Minor(m.RevenueReversed, currency),
    ];

    public static Measures Read(Dictionary<string, AttributeValue> item, string currency)
    {
        var n = Names.Select(name => item.GetN(name) ?? 0).ToArray();
        return new Measures(
            n[0], n[1], n[2], n[3], n[4],
            Money.FromMinor(n[5], currency), Money.FromMinor(n[6], currency),
            Money.FromMinor(n[7], currency), Money.FromMinor(n[8], currency));
    }

    /// <summary><paramref name="left"/> less <paramref name="right"/>, figure by figure.</summary>
    public static Measures Minus(Measures left, Measures right) => new(
        left.Redemptions - right.Redemptions,
        left.Reversals - right.Reversals,
        left.FullReversals - right.FullReversals,
        left.CodeRedemptions - right.CodeRedemptions,
        left.CodesIssued - right.CodesIssued,
        left.DiscountGiven - right.DiscountGiven,
        left.DiscountReversed - right.DiscountReversed,
        left.OrderRevenue - right.OrderRevenue,
        left.RevenueReversed - right.RevenueReversed);

    // Cells of code counts carry no currency and no money.
    private static long Minor(decimal amount, string currency) => currency.Length == 0 ? 0 : Money.ToMinor(amount, currency);
}
