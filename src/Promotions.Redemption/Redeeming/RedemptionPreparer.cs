using Microsoft.AspNetCore.Mvc;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;
using Promotions.Domain.Offers;
using Promotions.Domain.Offers.Input;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;
using Promotions.Redemption.Idempotency;
using RedemptionRecord = Promotions.Domain.Redemptions.Redemption;

namespace Promotions.Redemption.Redeeming;

/// <summary>
/// Re-checks a redemption with the offers logic the Validation service quotes with (code state, promotion
/// availability, channel, rules, the discount and its allocation to lines) and turns it into the ledger command.
/// Nothing here counts or reserves: every limit is decided by the ledger, in one step, afterwards.
/// </summary>
internal sealed class RedemptionPreparer(LiveCatalog catalog, CustomerResolver customers, CodeResolver codes, IPromotionStore promotions)
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
        inline = body.Customer is null ? null : InputValidator.ToProfile(body.Customer, "$.customer", errors);
        if ((body.Code is null) == (body.PromotionId is null))
        {
            errors.Add(new DomainError(InputValidator.InvalidValue, "Send either a code or the id of an automatic promotion.", "$.code"));
        }

        return errors;
    }

    public async Task<Prepared> PrepareAsync(
        RedeemRequest body, Cart cart, CustomerProfile? inline, DateTimeOffset now, DateTimeOffset? holdUntil, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var snapshot = await catalog.GetAsync(ct);
        var profile = await customers.ResolveAsync(body.CustomerId, inline, snapshot, now, ct);
        if (!profile.IsSuccess)
        {
            return Refuse(RedemptionRejections.UnknownCustomer, profile.Errors[0].Message);
        }

        var found = await FindPromotionAsync(body, profile.Value, snapshot, now, ct);
        if (found.Live is not { } live)
        {
            return found.Refusal!;
        }

        var decision = EligibilityEvaluator.Evaluate(live, new EligibilityRequest(profile.Value, cart, body.Channel, now));
        if (!decision.IsEligible)
        {
            var reason = decision.Reason ?? RedemptionRejections.NotEligible;
            var errors = decision.FailedConditions.Count == 0
                ? [new DomainError(reason, OfferReasons.Message(reason))]
                : decision.FailedConditions.Select(f => new DomainError(reason, $"{f.Fact} {f.Operator} {f.Expected} does not hold (actual: {f.Actual ?? "none"}).", f.Path)).ToArray();
            return new Prepared(null, RedemptionProblems.Create(errors, decision.Hint, decision.FailedConditions));
        }

        var promotion = live.Promotion;
        var quote = DiscountEngine.Quote(cart, [new QuoteCandidate(live.Id, live.Compiled.Effect, promotion.Priority, promotion.Stacking, found.Code)], QuotePolicy.Default);
        if (quote.Applied is not [var applied] || applied.Amount + applied.ShippingDiscount <= 0m)
        {
            var why = quote.NotApplied.Count > 0 ? quote.NotApplied[0] : null;
            return new Prepared(null, RedemptionProblems.Create(
                [new DomainError(RedemptionRejections.NoDiscount, why?.Message ?? "The promotion gives no discount on this order.")], why?.Hint));
        }

        var allocated = applied.Allocations.ToDictionary(static a => a.LineId, static a => a.Amount, StringComparer.Ordinal);
        var redemption = new RedemptionRecord(
            Ids.New(IdPrefix, clock), promotion.Id, found.CodeId, profile.Value.Id, body.Channel, now, body.Order.OrderId,
            quote.Subtotal + quote.Shipping, applied.Amount + applied.ShippingDiscount, cart.Currency, applied.Allocations,
            holdUntil is null ? RedemptionStatus.Confirmed : RedemptionStatus.Reserved)
        {
            CampaignId = promotion.CampaignId,
            Code = found.Code,
            ShippingDiscount = applied.ShippingDiscount,
            Lines = cart.Lines.Select(l => new RedeemedLine(l.LineId, l.Quantity, allocated.GetValueOrDefault(l.LineId))).ToArray(),
            ExpiresAt = holdUntil,
            CustomerSegmentIds = profile.Value.SegmentIds,
            UpdatedAt = now,
        };
        var budget = live.Campaign.Budget;
        var limits = new RedemptionLimits(promotion.MaxRedemptions, promotion.PerCustomerLimit, budget?.Amount, budget?.Currency);
        return new Prepared(new RedeemCommand(redemption, limits), null);
    }

    private async Task<Found> FindPromotionAsync(
        RedeemRequest body, CustomerProfile profile, CatalogSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        if (body.Code is { } input)
        {
            var resolution = await codes.ResolveAsync(input, profile, snapshot, now, ct);
            if (!resolution.IsUsable)
            {
                var reason = resolution.Reason switch
                {
                    OfferReasons.CodeAssignedToAnotherCustomer => RedemptionRejections.CodeNotForCustomer,
                    OfferReasons.InvalidCodeFormat => RedemptionRejections.UnknownCode,
                    var other => other!,
                };
                return new Found(null, null, null, Refuse(reason, OfferReasons.Message(resolution.Reason!), "$.code"));
            }

            return new Found(resolution.Promotion, resolution.Normalized, resolution.Code!.Id, null);
        }

        var id = body.PromotionId!;
        if (snapshot.ById.TryGetValue(id, out var live))
        {
            return live.Promotion.Kind == PromotionKind.Code
                ? new Found(null, null, null, Refuse(RedemptionRejections.CodeRequired, "This promotion is redeemed with one of its codes.", "$.code"))
                : new Found(live, null, null, null);
        }

        return await promotions.GetAsync(id, ct) is null
            ? new Found(null, null, null, Refuse(RedemptionRejections.UnknownPromotion, $"No promotion with id '{id}'.", "$.promotionId"))
            : new Found(null, null, null, Refuse(RedemptionRejections.PromotionNotActive, OfferReasons.Message(OfferReasons.PromotionNotActive), "$.promotionId"));
    }

    private static Prepared Refuse(string code, string message, string? path = null) =>
        new(null, RedemptionProblems.Create([new DomainError(code, message, path)]));

    private sealed record Found(LivePromotion? Live, string? Code, string? CodeId, Prepared? Refusal);
}

/// <summary>The ledger command, or the problem that refused the redemption before it reached the ledger.</summary>
internal sealed record Prepared(RedeemCommand? Command, ProblemDetails? Problem);
