using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Ports;

/// <summary>Full-text search over promotions (SQLite FTS5 locally, ranked in process over DynamoDB on AWS: docs/aws.md).</summary>
public interface IPromotionSearch
{
    /// <summary>Adds or replaces the promotion in the index.</summary>
    Task IndexAsync(Promotion promotion, CancellationToken ct);

    Task RemoveAsync(string promotionId, CancellationToken ct);

    /// <summary>Ids of matching promotions, best text match first (or id order without text), paged.</summary>
    Task<Page<string>> SearchAsync(PromotionSearchQuery query, ListQuery page, CancellationToken ct);
}

/// <summary>
/// A search: free text over name and description, plus filters. The date range keeps promotions whose
/// window overlaps [<paramref name="ActiveFrom"/>, <paramref name="ActiveTo"/>].
/// </summary>
public sealed record PromotionSearchQuery(
    string? Text = null,
    LifecycleStatus? Status = null,
    PromotionKind? Kind = null,
    string? Channel = null,
    string? CampaignId = null,
    DateTimeOffset? ActiveFrom = null,
    DateTimeOffset? ActiveTo = null);
