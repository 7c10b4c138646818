using Promotions.Domain.Redemptions;

namespace Promotions.Redemption.Reversals;

/// <summary><c>POST /redemptions/{id}/reversals</c>: everything that remains (no lines), or the returned units of some lines.</summary>
public sealed record ReverseRequest(IReadOnlyList<ReturnedLine>? Lines = null);
