namespace Promotions.AdminApi.Plans;

/// <summary>Why a campaign is rejected: required, shown to the marketer who submitted it.</summary>
internal sealed record RejectRequest(string? Reason = null);
