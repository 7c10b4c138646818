namespace Promotions.Redemption.Redeeming;

/// <summary>Who is redeeming: the token's subject and, for a machine client bound to a partner network, its partner id.</summary>
internal sealed record RedemptionCaller(string CallerId, string? PartnerId);
