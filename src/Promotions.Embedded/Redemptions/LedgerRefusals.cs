using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Embedded.Redemptions;

/// <summary>The ledger's refusals with their human messages, so every caller reads the same sentence for a code.</summary>
internal static class LedgerRefusals
{
    public static DomainError Of(string code) => new(code, code switch
    {
        RedemptionRejections.UnknownCode => "No such code exists.",
        RedemptionRejections.CodeNotForCustomer => "This code is assigned to another customer.",
        RedemptionRejections.CodeInactive => "This code has been deactivated.",
        RedemptionRejections.CodeExpired => "This code has expired.",
        RedemptionRejections.CodeExhausted => "This code has been used as many times as it allows.",
        RedemptionRejections.PromotionExhausted => "The promotion has reached its maximum number of redemptions.",
        RedemptionRejections.CustomerLimitReached => "The customer has redeemed this promotion as many times as it allows.",
        RedemptionRejections.CustomerRequired => "The promotion limits redemptions per customer: send the customer's id.",
        RedemptionRejections.BudgetExhausted => "The campaign budget does not cover this discount.",
        RedemptionRejections.BudgetCurrencyMismatch => "The order is in another currency than the campaign budget.",
        RedemptionRejections.ReservationExpired => "The reservation expired before it was confirmed; its hold has been released.",
        RedemptionRejections.ReservationReleased => "The reservation was released.",
        RedemptionRejections.ReservationConfirmed => "The reservation was confirmed already.",
        RedemptionRejections.IdempotencyInProgress => "Another request with this Idempotency-Key took over; retry to read its outcome.",
        _ => code,
    });
}
