namespace Promotions.Domain.Offers;

/// <summary>
/// A code or promotion that did not apply, and why: a reason of <see cref="OfferReasons"/> or of the discount
/// engine, a human message, a hint where one helps and, for <c>not_eligible</c>, the failing conditions.
/// </summary>
public sealed record Rejection(
    string? PromotionId,
    string? Code,
    string Reason,
    string Message,
    string? Hint = null,
    IReadOnlyList<FailedCondition>? FailedConditions = null)
{
    /// <summary>A rejection with the standard message of <paramref name="reason"/>.</summary>
    public static Rejection Of(string reason, string? promotionId = null, string? code = null, string? hint = null) =>
        new(promotionId, code, reason, OfferReasons.Message(reason), hint);
}
