using System.Collections.Frozen;
using Microsoft.AspNetCore.Mvc;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;
using Promotions.Domain.Offers;
using Promotions.Domain.Redemptions;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.CodeAttempts;
using Promotions.ServiceDefaults.Http;

namespace Promotions.Redemption.Idempotency;

/// <summary>
/// The HTTP status of every refusal, in one place: 404 when the thing named does not exist, 409 when a limit or
/// the state of a stored thing (code, promotion, budget, reservation, redemption, key) refuses now, 422 when the
/// request itself does not qualify and never will as sent, 400 for malformed input.
/// </summary>
internal static class RedemptionProblems
{
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string IdempotencyKeyRequired = "idempotency_key_required";

    private static readonly FrozenDictionary<string, int> Statuses = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [RedemptionRejections.UnknownCode] = StatusCodes.Status404NotFound,
        [RedemptionRejections.UnknownPromotion] = StatusCodes.Status404NotFound,
        [RedemptionRejections.UnknownCustomer] = StatusCodes.Status404NotFound,
        [RedemptionRejections.ReservationNotFound] = StatusCodes.Status404NotFound,
        [RedemptionRejections.RedemptionNotFound] = StatusCodes.Status404NotFound,
        [RedemptionRejections.CodeExhausted] = StatusCodes.Status409Conflict,
        [RedemptionRejections.CodeExpired] = StatusCodes.Status409Conflict,
        [RedemptionRejections.CodeInactive] = StatusCodes.Status409Conflict,
        [RedemptionRejections.CodeNotYetActive] = StatusCodes.Status409Conflict,
        [RedemptionRejections.PromotionExhausted] = StatusCodes.Status409Conflict,
        [RedemptionRejections.PromotionNotActive] = StatusCodes.Status409Conflict,
        [RedemptionRejections.BudgetExhausted] = StatusCodes.Status409Conflict,
        [RedemptionRejections.CustomerLimitReached] = StatusCodes.Status409Conflict,
        [RedemptionRejections.PeriodLimitReached] = StatusCodes.Status409Conflict,
        [RedemptionRejections.CustomerPeriodLimitReached] = StatusCodes.Status409Conflict,
        [RedemptionRejections.ReservationExpired] = StatusCodes.Status409Conflict,
        [RedemptionRejections.ReservationConfirmed] = StatusCodes.Status409Conflict,
        [RedemptionRejections.ReservationReleased] = StatusCodes.Status409Conflict,
        [RedemptionRejections.RedemptionNotConfirmed] = StatusCodes.Status409Conflict,
        [RedemptionRejections.NothingToReverse] = StatusCodes.Status409Conflict,
        [RedemptionRejections.ExceedsRemaining] = StatusCodes.Status409Conflict,
        [RedemptionRejections.IdempotencyInProgress] = StatusCodes.Status409Conflict,
        [RedemptionRejections.NotEligible] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.NoDiscount] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.WrongChannel] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.CodeNotForCustomer] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.CodeRequired] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.CustomerRequired] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.BudgetCurrencyMismatch] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.UnknownLine] = StatusCodes.Status422UnprocessableEntity,
        [RedemptionRejections.QuoteChanged] = StatusCodes.Status409Conflict,
        [RedemptionRejections.StackTooLarge] = StatusCodes.Status422UnprocessableEntity,
        [IdempotencyKeyReused] = StatusCodes.Status422UnprocessableEntity,
        [CallerScope.ChannelNotAllowed] = StatusCodes.Status403Forbidden,
        [CodeAttemptResults.Locked] = StatusCodes.Status429TooManyRequests,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The status of a refusal code; a reason the offers logic or the discount engine gave for a code or promotion
    /// the request names (e.g. <c>threshold_not_met</c>) is 422: the order does not qualify as sent.
    /// </summary>
    public static int StatusOf(string code) =>
        Statuses.TryGetValue(code, out var status) ? status
        : OfferReasons.All.Contains(code) || NotAppliedReasons.All.Contains(code) ? StatusCodes.Status422UnprocessableEntity
        : StatusCodes.Status400BadRequest;

    /// <summary>The problem for <paramref name="errors"/>, with the reason's hint and failed conditions when there are any.</summary>
    public static ProblemDetails Create(IReadOnlyList<DomainError> errors, string? hint = null, IReadOnlyList<FailedCondition>? failed = null)
    {
        var first = errors[0];
        var problem = Problems.Create(StatusOf(first.Code), first.Code, first.Message, errors);
        if (hint is not null)
        {
            problem.Extensions["hint"] = hint;
        }

        if (failed is { Count: > 0 })
        {
            problem.Extensions["failedConditions"] = failed;
        }

        return problem;
    }
}
