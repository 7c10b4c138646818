namespace Promotions.AdminApi.Plans;

/// <summary>A stage: an instant (<c>at</c>) or an ISO 8601 duration after the previous stage (<c>after</c>, e.g. <c>P2D</c>, <c>PT30M</c>).</summary>
internal sealed record StageRequest(
    string? Name = null,
    DateTimeOffset? At = null,
    string? After = null,
    IReadOnlyList<ChangeRequest?>? Changes = null,
    SkipRequest? SkipIf = null);
