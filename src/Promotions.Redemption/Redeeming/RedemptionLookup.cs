using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.Domain.Offers.Input;
using Promotions.Domain.Ports;
using Promotions.Redemption.Idempotency;

namespace Promotions.Redemption.Redeeming;

/// <summary>
/// <c>GET /redemptions?orderId=…</c> or <c>?code=…</c>: support finds the recorded redemptions of an order id (an
/// order redeemed again after a release, or redeemed with another id, has several) or those that used a code,
/// newest first. A caller bound to a partner sees only its own, as with <c>GET /redemptions/{id}</c>.
/// </summary>
internal static class RedemptionLookup
{
    public const int MaxResults = 100;
    public const int MaxLength = 128;

    internal static async Task<Results<Ok<RedemptionListResponse>, ProblemHttpResult>> List(
        string? orderId, string? code, HttpContext http, IRedemptionLedger ledger, LiveCatalog catalog, CancellationToken ct)
    {
        var errors = Validate(orderId, code);
        if (errors.Count > 0)
        {
            return TypedResults.Problem(RedemptionProblems.Create(errors));
        }

        var found = orderId is not null
            ? await ledger.ListByOrderAsync(orderId, MaxResults, ct)
            : await ledger.ListByCodeAsync(CodeNormalizer.Normalize(code!), MaxResults, ct);
        var names = found.Count == 0 ? null : await catalog.GetAsync(ct);
        return TypedResults.Ok(new RedemptionListResponse(
            [.. found.Where(r => RedemptionEndpoints.Owned(http, r)).Select(r => RedemptionResponse.From(r, names))]));
    }

    /// <summary>Exactly one of the two, each 1 to <see cref="MaxLength"/> characters.</summary>
    internal static List<DomainError> Validate(string? orderId, string? code)
    {
        var errors = new List<DomainError>();
        if (orderId is null == code is null)
        {
            var message = orderId is null ? "Give orderId or code." : "Give orderId or code, not both.";
            errors.Add(new DomainError("invalid_query", message, "$.orderId"));
            return errors;
        }

        var (value, path) = orderId is not null ? (orderId, "$.orderId") : (code!, "$.code");
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            errors.Add(new DomainError(InputValidator.InvalidValue, $"{path[2..]} must be 1 to {MaxLength} characters.", path));
        }
        else if (code is not null && CodeNormalizer.Normalize(code).Length == 0)
        {
            errors.Add(new DomainError(InputValidator.InvalidValue, "code has no letter or digit.", path));
        }

        return errors;
    }
}
