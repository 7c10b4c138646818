using Promotions.Domain.Common;

namespace Promotions.Domain.Offers;

/// <summary>
/// Hears what the live catalog leaves out. Stored rules, effects and criteria were validated when written, so
/// this should never be called; when it is, the host logs it (the domain itself has no logger).
/// </summary>
public interface ICatalogObserver
{
    /// <summary>A promotion's rules or effect no longer parse; it is left out until its next version.</summary>
    void PromotionExcluded(string promotionId, long version, IReadOnlyList<DomainError> errors);

    /// <summary>A segment's criteria no longer parse; membership then comes from stored segment ids only.</summary>
    void SegmentExcluded(string segmentId, long version, IReadOnlyList<DomainError> errors);
}
