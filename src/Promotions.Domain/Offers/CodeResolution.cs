using Promotions.Domain.Codes;

namespace Promotions.Domain.Offers;

/// <summary>
/// What an entered code turned out to be: its normalized form (null when it cannot be a code), the stored
/// code, its live promotion when usable, and otherwise the <see cref="OfferReasons"/> code of why not.
/// </summary>
public sealed record CodeResolution(string Input, string? Normalized, PromoCode? Code, LivePromotion? Promotion, string? Reason)
{
    public bool IsUsable => Reason is null && Promotion is not null;
}
