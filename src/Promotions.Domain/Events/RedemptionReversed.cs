using System.Text.Json.Serialization;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Events;

/// <summary>
/// Part or all of a redemption's discount was given back (a return or a cancelled order).
/// <paramref name="Amount"/> went back to the budget; <paramref name="Full"/> says nothing remains, so the
/// code use, the promotion cap and the customer quota were given back too.
/// </summary>
public sealed record RedemptionReversed(
    string EventId,
    DateTimeOffset OccurredAt,
    string ReversalId,
    string RedemptionId,
    string PromotionId,
    string? CampaignId,
    string? CustomerId,
    decimal Amount,
    decimal RemainingDiscount,
    string Currency,
    bool Full,
    IReadOnlyList<ReversedLine> Lines) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "redemption_reversed";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
