namespace Promotions.Domain.Redemptions;

/// <summary>
/// One order line of a redemption: its units, the discount allocated to it (all units together), and how
/// many units were returned and how much discount that gave back. A partial reversal reads these, never
/// the promotion as it is today, so a changed promotion cannot change what a return refunds.
/// </summary>
public sealed record RedeemedLine(string LineId, int Quantity, decimal Allocated, int ReturnedQuantity = 0, decimal Reversed = 0m)
{
    public int RemainingQuantity => Quantity - ReturnedQuantity;

    public decimal RemainingAllocated => Allocated - Reversed;
}
