using Promotions.Domain.Codes;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Offers;

/// <summary>
/// Resolves entered codes: the format is checked before any store is asked; a stored code is judged on its
/// own state (an exhausted code is never "unknown"), then on its promotion, taken from the live catalog or,
/// when not live there, read to say precisely why.
/// </summary>
public sealed class CodeResolver(ICodeStore codes, IPromotionStore promotions, ICampaignStore campaigns)
{
    /// <summary>The longest text, after normalization, that can be a code: the longest pattern plus its check character.</summary>
    public const int MaxCodeLength = CodeSpec.MaxPatternLength + 1;

    /// <summary>The normalized code, or null when <paramref name="input"/> cannot be any code.</summary>
    public static string? Normalize(string? input) =>
        input is not null && CodeNormalizer.TryNormalize(input, out var normalized, out _) && normalized.Length <= MaxCodeLength
            ? normalized
            : null;

    /// <summary>
    /// Resolves <paramref name="input"/>. With a <paramref name="customer"/> (quotes), a code assigned to someone
    /// else is refused before anything else about it is revealed; without one (lookups) assignment is not checked.
    /// </summary>
    public async Task<CodeResolution> ResolveAsync(
        string input, CustomerProfile? customer, CatalogSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Normalize(input) is not { } normalized)
        {
            return new CodeResolution(input, null, null, null, OfferReasons.InvalidCodeFormat);
        }

        var code = await codes.FindAsync(normalized, ct);
        if (code is null)
        {
            return new CodeResolution(input, normalized, null, null, OfferReasons.UnknownCode);
        }

        if (customer is not null && code.AssignedCustomerId is { } owner && !string.Equals(owner, customer.Id, StringComparison.Ordinal))
        {
            return new CodeResolution(input, normalized, code, null, OfferReasons.CodeAssignedToAnotherCustomer);
        }

        if (CodeState(code, now) is { } codeReason)
        {
            return new CodeResolution(input, normalized, code, null, codeReason);
        }

        if (snapshot.ById.TryGetValue(code.PromotionId, out var live))
        {
            var reason = PromotionAvailability.Check(live.Promotion, live.Campaign, now);
            return new CodeResolution(input, normalized, code, reason is null ? live : null, reason);
        }

        return new CodeResolution(input, normalized, code, null, await WhyNotLiveAsync(code.PromotionId, now, ct));
    }

    /// <summary>The reason the code itself cannot be used (inactive, expired, exhausted), or null.</summary>
    public static string? CodeState(PromoCode code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!code.Active)
        {
            return OfferReasons.CodeInactive;
        }

        if (code.ExpiresAt <= now)
        {
            return OfferReasons.CodeExpired;
        }

        return code.Exhausted ? OfferReasons.CodeExhausted : null;
    }

    // Off the hot path: only a code whose promotion is not in the live catalog gets here.
    private async Task<string> WhyNotLiveAsync(string promotionId, DateTimeOffset now, CancellationToken ct)
    {
        var promotion = await promotions.GetAsync(promotionId, ct);
        if (promotion is null)
        {
            return OfferReasons.PromotionNotActive;
        }

        var campaign = await campaigns.GetAsync(promotion.CampaignId, ct);
        // Live by its data yet missing from the catalog: its rules or effect did not compile.
        return PromotionAvailability.Check(promotion, campaign, now) ?? OfferReasons.PromotionNotActive;
    }
}
