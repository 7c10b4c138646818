using Promotions.Domain.Codes;

namespace Promotions.AdminApi.Codes;

/// <summary>A stored code of a promotion.</summary>
internal sealed record CodeResponse(
    string Id, string Code, int Uses, int MaxUses, bool Active, DateTimeOffset? ExpiresAt, string? AssignedCustomerId)
{
    public static CodeResponse From(PromoCode c) => new(c.Id, c.Code, c.Uses, c.MaxUses, c.Active, c.ExpiresAt, c.AssignedCustomerId);
}
