namespace Promotions.Domain.Redemptions;

/// <summary>
/// A recorded reversal: the discount it gave back to the budget (<paramref name="Amount"/>), whether it was
/// full, the lines it covered, and the redemption as it stands afterwards.
/// </summary>
/// <param name="Full">Nothing of the redemption remains: its use of the code, the promotion cap and the customer quota were given back too.</param>
public sealed record Reversal(
    string Id,
    string RedemptionId,
    decimal Amount,
    string Currency,
    bool Full,
    IReadOnlyList<ReversedLine> Lines,
    DateTimeOffset ReversedAt,
    Redemption Redemption);

/// <summary>Units of a line a reversal covered and the discount they carried.</summary>
public sealed record ReversedLine(string LineId, int Quantity, decimal Amount);
