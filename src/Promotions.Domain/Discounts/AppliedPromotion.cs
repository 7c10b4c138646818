using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Discounts;

/// <summary>A promotion that applied, with what it takes off and where.</summary>
/// <param name="Amount">The line discount, rounded to the minor unit; the allocations sum to it exactly.</param>
/// <param name="ShippingDiscount">What it takes off the shipping charge.</param>
/// <param name="Allocations">The line discount per cart line, lines with nothing left out, ordered by line id (ordinal).</param>
/// <param name="Gifts">Free gifts it adds; they do not lower the total.</param>
public sealed record AppliedPromotion(
    string PromotionId,
    string? Code,
    decimal Amount,
    decimal ShippingDiscount,
    IReadOnlyList<LineAllocation> Allocations,
    IReadOnlyList<GiftLine> Gifts)
{
    /// <summary>How much the maximum-combined-discount guardrail took off this promotion's discount.</summary>
    public decimal GuardrailReduction { get; init; }

    /// <summary>What the promotion costs the merchant: line and shipping discounts plus the value of gifts.</summary>
    public decimal Cost
    {
        get
        {
            var cost = Amount + ShippingDiscount;
            for (var i = 0; i < Gifts.Count; i++)
            {
                cost += Gifts[i].Value;
            }

            return cost;
        }
    }
}
