using Promotions.Domain.Common;
using Promotions.Domain.Offers;

namespace Promotions.PromotionApi;

/// <summary>Logs what the live catalog leaves out; a stored rule that stops parsing is a bug to see, not a 500.</summary>
internal sealed partial class CatalogLog(ILogger<CatalogLog> logger) : ICatalogObserver
{
    public void PromotionExcluded(string promotionId, long version, IReadOnlyList<DomainError> errors) =>
        LogPromotionExcluded(logger, promotionId, version, Describe(errors));

    public void SegmentExcluded(string segmentId, long version, IReadOnlyList<DomainError> errors) =>
        LogSegmentExcluded(logger, segmentId, version, Describe(errors));

    private static string Describe(IReadOnlyList<DomainError> errors) => string.Join("; ", errors.Select(static e => $"{e.Code} at {e.Path}"));

    [LoggerMessage(Level = LogLevel.Error, Message = "Promotion {PromotionId} version {Version} left out of offers and quotes: {Errors}")]
    private static partial void LogPromotionExcluded(ILogger logger, string promotionId, long version, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Segment {SegmentId} version {Version} criteria ignored: {Errors}")]
    private static partial void LogSegmentExcluded(ILogger logger, string segmentId, long version, string errors);
}
