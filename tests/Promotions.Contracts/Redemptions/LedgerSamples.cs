using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>Redemptions and codes as a checkout would send them, with one scope per test so tests never share counters.</summary>
public sealed class LedgerSamples(TimeProvider clock)
{
    public string Scope { get; } = Guid.NewGuid().ToString("N")[..12];

    public string PromotionId => $"prm_{Scope}";

    public string CampaignId => $"cmp_{Scope}";

    /// <summary>A two-line order: line a (2 × 30.00, carries 6.00) and line b (1 × 40.00, carries 4.00).</summary>
    public Redemption Redemption(
        string? customerId = null, string? code = null, decimal discount = 10m, DateTimeOffset? holdUntil = null, decimal shipping = 0m)
    {
        var lineDiscount = discount - shipping;
        var a = Math.Round(lineDiscount * 0.6m, 2);
        var b = lineDiscount - a;
        return new Redemption(
            Ids.New("rdm", clock), PromotionId, code is null ? null : $"code_{code}", customerId, "web", clock.GetUtcNow(),
            "order-" + Guid.NewGuid().ToString("N")[..8], 100m, discount, "EUR",
            [new LineAllocation("a", a), new LineAllocation("b", b)],
            holdUntil is null ? RedemptionStatus.Confirmed : RedemptionStatus.Reserved)
        {
            CampaignId = CampaignId,
            Code = code,
            ShippingDiscount = shipping,
            ExpiresAt = holdUntil,
            Lines = [new RedeemedLine("a", 2, a), new RedeemedLine("b", 1, b)],
            CustomerSegmentIds = ["seg_vip"],
        };
    }

    /// <summary>The id of the promotion of a stack's part <paramref name="part"/> (all in <see cref="CampaignId"/>).</summary>
    public string StackPromotionId(string part) => $"{PromotionId}_{part}";

    /// <summary>
    /// An order redeemed with several promotions of one campaign, each part as <see cref="Redemption"/> would make it
    /// (line a carries 60 % of the part's discount, line b the rest) for promotion <see cref="StackPromotionId"/>.
    /// </summary>
    public OrderRedemption Stack(string? customerId, DateTimeOffset? holdUntil, params (string Part, string? Code, decimal Discount)[] parts)
    {
        var id = Ids.New("rdm", clock);
        var orderId = "order-" + Guid.NewGuid().ToString("N")[..8];
        var redemptions = parts.Select((p, i) => Redemption(customerId, p.Code, p.Discount, holdUntil) with
        {
            Id = $"{id}-{i + 1}",
            PromotionId = StackPromotionId(p.Part),
            OrderId = orderId,
        }).ToArray();
        return new OrderRedemption(id, orderId, customerId, "web", "EUR", 100m, 0m,
            [new OrderLine("a", 2, 60m), new OrderLine("b", 1, 40m)], redemptions, clock.GetUtcNow());
    }

    public PromoCode Code(string text, int maxUses = 1, bool active = true, DateTimeOffset? expiresAt = null, string? assignedTo = null, string? promotionId = null) =>
        new(Ids.New("code", clock), promotionId ?? PromotionId, text, 0, maxUses, active, expiresAt, assignedTo);

    public string NewCodeText() => "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>Each state of <see cref="UnusableCode"/> with the refusal it must get.</summary>
    public static TheoryData<string, string> UnusableCodeStates { get; } = new()
    {
        { "exhausted", RedemptionRejections.CodeExhausted },
        { "inactive", RedemptionRejections.CodeInactive },
        { "expired", RedemptionRejections.CodeExpired },
        { "other_customer", RedemptionRejections.CodeNotForCustomer },
        { "other_promotion", RedemptionRejections.UnknownCode },
        { "missing", RedemptionRejections.UnknownCode },
    };

    /// <summary>
    /// A code that cannot be used, for the reason <paramref name="state"/> names: <c>exhausted</c>, <c>inactive</c>,
    /// <c>expired</c> (at this very instant), <c>other_customer</c>, <c>other_promotion</c>; null for <c>missing</c>.
    /// </summary>
    public PromoCode? UnusableCode(string state, string text) => state switch
    {
        "exhausted" => Code(text, maxUses: 2) with { Uses = 2 },
        "inactive" => Code(text, active: false),
        "expired" => Code(text, expiresAt: clock.GetUtcNow()),
        "other_customer" => Code(text, assignedTo: "cus_other"),
        "other_promotion" => Code(text) with { PromotionId = PromotionId + "_other" },
        _ => null,
    };
}
