using Microsoft.AspNetCore.Mvc;
using Promotions.Domain.Carts;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Offers;
using Promotions.Domain.Offers.Input;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Redemption.Idempotency;
using Promotions.ServiceDefaults.Metrics;
using Promotions.ServiceDefaults.Quotes;

namespace Promotions.Redemption.Redeeming;

/// <summary>
/// Redeems a cart: quotes it with the very code path <c>/validate</c> uses (<see cref="CartQuoter"/>), turns the quote
/// into one ledger command (<see cref="QuotedOrder"/>) and records every promotion it applies in one atomic step.
/// When a limit ran out between the quote and the payment, the ledger refuses the whole order and names the
/// promotion: in <c>all</c> mode the answer is 409 with the new quote; in <c>partial</c> mode that promotion is left
/// out and the cart quoted again, so what is recorded is always a consistent stack.
/// </summary>
internal sealed class CartRedeemer(
    LiveCatalog catalog, CustomerResolver customers, CartQuoter quoter, IPromotionStore promotions, IRedemptionLedger ledger, CodeAttemptGuard guard,
    PromotionsMetrics metrics)
{
    public const string IdPrefix = "rdm";

    /// <summary>Checks the input shape; the errors carry the JSON path of each bad field.</summary>
    public static List<DomainError> Validate(RedeemRequest body, out Cart? cart, out CustomerProfile? inline)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(body.Order.OrderId) || body.Order.OrderId.Length > 128)
        {
            errors.Add(new DomainError(InputValidator.InvalidValue, "The order id is 1 to 128 characters.", "$.order.orderId"));
        }

        cart = InputValidator.ToCart(body.Order.ToCart(), "$.order", errors);
        InputValidator.Channel(body.Channel, "$.channel", errors);
        InputValidator.CustomerChoice(body.CustomerId, body.Customer, errors);
        InputValidator.Codes(body.AllCodes, errors);
        inline = body.Customer is null ? null : InputValidator.ToProfile(body.Customer, "$.customer", errors);
        if (body.QuoteFingerprint is { Length: 0 or > 64 })
        {
            errors.Add(new DomainError(InputValidator.InvalidValue, "Send the fingerprint /validate answered, unchanged.", "$.quoteFingerprint"));
        }

        return errors;
    }

    /// <summary>
    /// Quotes and records the order under the request's idempotency lease. The outcome is the response the ledger
    /// stored with the change (<see cref="Outcome.Completed"/>) or the refusal for the caller to store.
    /// </summary>
    public async Task<Outcome> RedeemAsync(
        RedeemRequest body, Cart cart, CustomerProfile? inline, TimeSpan? hold, RedemptionCaller caller, IdempotencyLease lease,
        IdempotentRequest idempotent, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(idempotent);
        var now = clock.GetUtcNow();
        var snapshot = await catalog.GetAsync(ct);
        var profile = await customers.ResolveAsync(body.CustomerId, inline, snapshot, now, ct);
        if (!profile.IsSuccess)
        {
            return Refused(body, idempotent, LedgerRefusals.Of(RedemptionRejections.UnknownCustomer) with { Message = profile.Errors[0].Message, Path = "$.customerId" });
        }

        var id = Ids.New(IdPrefix, clock);
        var excluded = new Dictionary<string, string>(StringComparer.Ordinal);
        // A fingerprint asks for exactly the quote shown or nothing, so it overrides a partial mode.
        var partial = body.Mode == RedeemMode.Partial && body.QuoteFingerprint is null;
        for (var attempt = 0; attempt <= LedgerPlanner.MaxParts + 1; attempt++)
        {
            var request = new QuoteRequest(cart, profile.Value, body.Channel, body.AllCodes) { Excluded = excluded, Explain = body.Explain == true };
            var quote = await quoter.QuoteAsync(request, snapshot, now, ct);
            if (attempt == 0)
            {
                // Codes that do not exist count towards the caller's and the customer's lockout (docs/security.md).
                var unknown = quote.NotApplied.Where(static r => r.Reason == OfferReasons.UnknownCode).Select(static r => r.Code).Distinct(StringComparer.Ordinal).Count();
                await guard.RecordUnknownAsync(caller.CallerId, body.CustomerId, unknown, ct);
            }

            if (attempt == 0 && body.QuoteFingerprint is { } expected && expected != QuoteFingerprint.Of(quote.Quote))
            {
                return Refused(body, idempotent, new DomainError(RedemptionRejections.QuoteChanged,
                    "The cart's quote is no longer the one shown: show the new quote and ask again.", "$.quoteFingerprint"), quote, snapshot);
            }

            if (await WhyNotAsync(body, request, quote, snapshot, now, partial, ct) is { } refusal)
            {
                return Refused(body, idempotent, refusal, quote, snapshot);
            }

            var command = QuotedOrder.Command(id, body.Order.OrderId, cart, profile.Value, body.Channel, quote.Quote, snapshot, now, now + hold);
            command = command with { Order = command.Order with { CallerId = caller.CallerId, PartnerId = caller.PartnerId } };
            StoredResponse? stored = null;
            var result = await ledger.RedeemAsync(command, new Idempotent<OrderRedemption>(lease, r =>
                stored = idempotent.Success(StatusCodes.Status201Created, RedemptionResponse.From(r, snapshot, quote.NotApplied), $"/redemptions/{r.Id}")), ct);
            if (result.IsSuccess)
            {
                var order = result.Value!;
                metrics.Redeemed(order.Channel, order.Currency, order.Discount, hold is not null,
                    order.Redemptions.Select(static r => r.CampaignId).OfType<string>(), order.Redemptions.Select(static r => r.PromotionId));
                return new Outcome(stored!, Completed: true);
            }

            var error = result.Errors[0];
            if (error.Subject is not { } refused || OfferReasonOf(error.Code) is not { } reason)
            {
                return Refused(body, idempotent, error);
            }

            // A limit ran out since the catalog's counters were read: quote again without that promotion.
            excluded[refused] = reason;
            if (!partial)
            {
                var requoted = await quoter.QuoteAsync(request with { Excluded = excluded }, snapshot, now, ct);
                return Refused(body, idempotent, error, requoted, snapshot);
            }
        }

        return Refused(body, idempotent, new DomainError(RedemptionRejections.QuoteChanged, "The promotions of this cart kept running out while it was redeemed; try again."));
    }

    /// <summary>
    /// Why the quote cannot be redeemed as asked: in <c>all</c> mode, a code that did not apply (the customer entered
    /// it for a discount); a promotion the request requires that did not apply; or nothing to record at all.
    /// </summary>
    private async Task<DomainError?> WhyNotAsync(
        RedeemRequest body, QuoteRequest request, CartQuote quote, CatalogSnapshot snapshot, DateTimeOffset now, bool partial, CancellationToken ct)
    {
        var codes = body.AllCodes;
        if (!partial && quote.NotApplied.FirstOrDefault(r => r.Code is not null) is { } code)
        {
            var at = codes.ToList().FindIndex(c => string.Equals(CodeResolver.Normalize(c) ?? c, code.Code, StringComparison.Ordinal));
            return Problem(code, at < 0 ? "$.codes" : body.Code is not null && at == 0 ? "$.code" : $"$.codes[{(body.Code is null ? at : at - 1)}]");
        }

        if (body.PromotionId is { } required && quote.Quote.Applied.All(a => a.PromotionId != required))
        {
            // Without explain the quote lists only what the customer can act on: explain it to say why this one missed.
            var explained = request.Explain ? quote : await quoter.QuoteAsync(request with { Explain = true }, snapshot, now, ct);
            if (explained.NotApplied.FirstOrDefault(r => r.PromotionId == required) is { } missed)
            {
                return Problem(missed, "$.promotionId");
            }

            return await promotions.GetAsync(required, ct) is null
                ? new DomainError(RedemptionRejections.UnknownPromotion, $"No promotion with id '{required}'.", "$.promotionId")
                : new DomainError(RedemptionRejections.PromotionNotActive, OfferReasons.Message(OfferReasons.PromotionNotActive), "$.promotionId");
        }

        if (quote.Quote.Applied.Count == 0)
        {
            var why = quote.NotApplied.Count > 0 ? quote.NotApplied[0] : null;
            return new DomainError(RedemptionRejections.NoDiscount, why?.Message ?? "No promotion gives a discount on this order.");
        }

        return null;
    }

    /// <summary>The refusal for a code or promotion the quote left out, in the ledger's codes.</summary>
    private static DomainError Problem(Rejection rejection, string path)
    {
        var code = rejection.Reason switch
        {
            OfferReasons.CodeAssignedToAnotherCustomer => RedemptionRejections.CodeNotForCustomer,
            OfferReasons.InvalidCodeFormat => RedemptionRejections.UnknownCode,
            var other => other,
        };
        return new DomainError(code, rejection.Message, path) { Subject = rejection.PromotionId };
    }

    /// <summary>The offer reason a ledger refusal of one promotion stands for; null for refusals about the request.</summary>
    private static string? OfferReasonOf(string ledgerCode) => ledgerCode switch
    {
        RedemptionRejections.CodeNotForCustomer => OfferReasons.CodeAssignedToAnotherCustomer,
        RedemptionRejections.PromotionExhausted or RedemptionRejections.CustomerLimitReached or RedemptionRejections.BudgetExhausted
            or RedemptionRejections.CodeExhausted or RedemptionRejections.CodeExpired or RedemptionRejections.CodeInactive
            or RedemptionRejections.UnknownCode or RedemptionRejections.CustomerRequired or RedemptionRejections.BudgetCurrencyMismatch
            or RedemptionRejections.PeriodLimitReached or RedemptionRejections.CustomerPeriodLimitReached => ledgerCode,
        _ => null,
    };

    /// <summary>The refusal's stored answer; the one place a refusal of a redemption is counted (<c>RedemptionRefusals</c>).</summary>
    private Outcome Refused(RedeemRequest body, IdempotentRequest idempotent, DomainError error, CartQuote? quote = null, CatalogSnapshot? snapshot = null)
    {
        metrics.Refused(body.Channel, error.Code, error.Subject);
        ProblemDetails problem = RedemptionProblems.Create([error]);
        if (quote is not null)
        {
            problem.Extensions["quote"] = ValidateResponse.From(quote, snapshot!);
        }

        return new Outcome(idempotent.Problem(problem), Completed: false);
    }
}
