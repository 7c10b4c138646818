using Promotions.Domain.Offers;
using Promotions.Domain.Redemptions;
using Promotions.Redemption.Redeeming;

namespace Promotions.Redemption.Reversals;

/// <summary>A reversal: what it gave back (in all, per line and per promotion), whether it was full, and the redemption after it.</summary>
public sealed record ReversalResponse(
    string Id,
    string RedemptionId,
    decimal Amount,
    string Currency,
    bool Full,
    IReadOnlyList<ReversedLine> Lines,
    DateTimeOffset ReversedAt,
    IReadOnlyList<ReversedPromotion> Promotions,
    RedemptionResponse Redemption)
{
    public static ReversalResponse From(Reversal reversal, CatalogSnapshot? names)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        return new(reversal.Id, reversal.RedemptionId, reversal.Amount, reversal.Currency, reversal.Full, reversal.Lines,
            reversal.ReversedAt, reversal.Promotions, RedemptionResponse.From(reversal.Redemption, names));
    }
}
