using Promotions.Domain.Plans;

namespace Promotions.AdminApi.Plans;

/// <summary>A stage, its resolved time (<c>runsAt</c>), its status (<c>pending</c>, <c>applied</c>, <c>skipped</c>) and what its changes did.</summary>
internal sealed record StageResponse(
    int Index,
    string Name,
    DateTimeOffset? At,
    string? After,
    DateTimeOffset? RunsAt,
    IReadOnlyList<ChangeResponse> Changes,
    SkipResponse? SkipIf,
    string Status,
    DateTimeOffset? RanAt,
    IReadOnlyList<ChangeReport>? Results);
