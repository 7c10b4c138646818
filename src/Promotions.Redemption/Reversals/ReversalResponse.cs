using Promotions.Domain.Redemptions;
using Promotions.Redemption.Redeeming;

namespace Promotions.Redemption.Reversals;

/// <summary>A reversal: what it gave back, whether it was full, and the redemption after it.</summary>
public sealed record ReversalResponse(
    string Id,
    string RedemptionId,
    decimal Amount,
    string Currency,
    bool Full,
    IReadOnlyList<ReversedLine> Lines,
    DateTimeOffset ReversedAt,
    RedemptionResponse Redemption)
{
    public static ReversalResponse From(Reversal reversal)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        return new(reversal.Id, reversal.RedemptionId, reversal.Amount, reversal.Currency, reversal.Full, reversal.Lines,
            reversal.ReversedAt, RedemptionResponse.From(reversal.Redemption));
    }
}
