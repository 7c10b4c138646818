using Promotions.Domain.Common;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// The ledger's refusals with their human messages, so every ledger adapter (and so every caller) gives the same
/// sentence for a code.
/// </summary>
public static class LedgerRefusals
{
    /// <summary>The refusal with code <paramref name="code"/> (a code of <see cref="RedemptionRejections"/>) and its message.</summary>
    public static DomainError Of(string code) => new(code, code switch
    {
        RedemptionRejections.UnknownCode => "No such code exists.",
        RedemptionRejections.CodeNotForCustomer => "This code is assigned to another customer.",
        RedemptionRejections.CodeInactive => "This code has been deactivated.",
        RedemptionRejections.CodeExpired => "This code has expired.",
        RedemptionRejections.CodeExhausted => "This code has been used as many times as it allows.",
        RedemptionRejections.PromotionExhausted => "The promotion has reached its maximum number of redemptions.",
        RedemptionRejections.CustomerLimitReached => "The customer has redeemed this promotion as many times as it allows.",
        RedemptionRejections.PeriodLimitReached => "The promotion has reached its limit of redemptions for this period.",
        RedemptionRejections.CustomerPeriodLimitReached => "The customer has redeemed this promotion as many times as it allows in this period.",
        RedemptionRejections.CustomerRequired => "The promotion limits redemptions per customer: send the customer's id.",
        RedemptionRejections.BudgetExhausted => "The campaign budget does not cover this discount.",
        RedemptionRejections.BudgetCurrencyMismatch => "The order is in another currency than the campaign budget.",
        RedemptionRejections.ReservationExpired => "The reservation expired before it was confirmed; its hold has been released.",
        RedemptionRejections.ReservationReleased => "The reservation was released.",
        RedemptionRejections.ReservationConfirmed => "The reservation was confirmed already.",
        RedemptionRejections.IdempotencyInProgress => "Another request with this Idempotency-Key took over; retry to read its outcome.",
        _ => code,
    });

    /// <summary>Why a reservation in <paramref name="status"/> (anything but reserved) cannot be confirmed or released.</summary>
    public static DomainError NotLive(RedemptionStatus status) => Of(status switch
    {
        RedemptionStatus.Expired => RedemptionRejections.ReservationExpired,
        RedemptionStatus.Released => RedemptionRejections.ReservationReleased,
        _ => RedemptionRejections.ReservationConfirmed,
    });

    public static DomainError NoReservation(string id) =>
        new(RedemptionRejections.ReservationNotFound, $"No live reservation with id '{id}'.", "$.id");

    public static DomainError NoRedemption(string id) =>
        new(RedemptionRejections.RedemptionNotFound, $"No redemption with id '{id}'.", "$.id");
}
