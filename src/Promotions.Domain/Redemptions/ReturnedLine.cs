namespace Promotions.Domain.Redemptions;

/// <summary>Units of one order line sent back, for a partial reversal.</summary>
public sealed record ReturnedLine(string LineId, int Quantity);
