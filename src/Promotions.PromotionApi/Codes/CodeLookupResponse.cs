using Promotions.Domain.Offers;
using Promotions.PromotionApi.Details;

namespace Promotions.PromotionApi.Codes;

/// <summary>
/// The state of one code: <c>valid</c>, <c>exhausted</c>, <c>expired</c>, <c>inactive</c>, <c>not_yet_active</c>,
/// <c>unknown</c> or <c>invalid_format</c>; <paramref name="Reason"/> is the precise reason from the documented
/// set, and <paramref name="Promotion"/> the public summary of its promotion when the code is valid.
/// </summary>
public sealed record CodeLookupResponse(string Code, string Status, string? Reason, string Message, PromotionSummary? Promotion)
{
    public const string Valid = "valid";

    internal static CodeLookupResponse From(CodeResolution resolution)
    {
        var code = resolution.Normalized ?? resolution.Input;
        if (resolution is { Reason: null, Promotion: { } live })
        {
            return new CodeLookupResponse(code, Valid, null, "The code can be used.", PromotionSummary.From(live));
        }

        var reason = resolution.Reason ?? OfferReasons.PromotionNotActive;
        return new CodeLookupResponse(code, StatusOf(reason), reason, OfferReasons.Message(reason), null);
    }

    private static string StatusOf(string reason) => reason switch
    {
        OfferReasons.InvalidCodeFormat => "invalid_format",
        OfferReasons.UnknownCode => "unknown",
        OfferReasons.CodeExpired => "expired",
        OfferReasons.CodeExhausted or OfferReasons.PromotionExhausted or OfferReasons.BudgetExhausted => "exhausted",
        OfferReasons.CodeNotYetActive => "not_yet_active",
        _ => "inactive",
    };
}
