namespace Promotions.Redemption.Redeeming;

/// <summary><c>GET /redemptions?orderId=</c> or <c>?code=</c>: the recorded redemptions found, newest first.</summary>
/// <param name="Items">At most <see cref="RedemptionLookup.MaxResults"/>; those of another partner are left out.</param>
public sealed record RedemptionListResponse(IReadOnlyList<RedemptionResponse> Items);
