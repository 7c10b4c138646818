using Promotions.Domain.Codes;

namespace Promotions.AdminApi.Codes;

/// <summary>Where a code job is: <see cref="Done"/> of <see cref="Total"/> codes stored, and why it failed if it did.</summary>
internal sealed record CodeJobResponse(
    string Id,
    string PromotionId,
    CodeJobKind Kind,
    CodeJobState State,
    int Done,
    int Total,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static CodeJobResponse From(CodeJob j) =>
        new(j.Id, j.PromotionId, j.Kind, j.State, j.Done, j.Requested, j.Error, j.CreatedAt, j.CompletedAt);
}
