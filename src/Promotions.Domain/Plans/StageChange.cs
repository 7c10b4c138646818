using System.Text.Json;

namespace Promotions.Domain.Plans;

/// <summary>
/// One change of a stage. <see cref="StageChangeKind.Activate"/>, <see cref="StageChangeKind.Pause"/> and
/// <see cref="StageChangeKind.End"/> move the promotion <paramref name="PromotionId"/>, or the campaign itself when it
/// is null; <see cref="StageChangeKind.SetEffect"/> gives the promotion <paramref name="Effect"/>;
/// <see cref="StageChangeKind.DistributeCodes"/> assigns codes of the promotion's pool to the customers of
/// <paramref name="SegmentId"/>, <paramref name="BatchSize"/> customers a batch (null: <see cref="CodeDistribution.DefaultBatchSize"/>).
/// </summary>
public sealed record StageChange(
    StageChangeKind Kind, string? PromotionId = null, JsonElement? Effect = null, string? SegmentId = null, int? BatchSize = null);
