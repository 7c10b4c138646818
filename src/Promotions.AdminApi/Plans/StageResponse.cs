using Promotions.Domain.Plans;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// A stage, its resolved time (<c>runsAt</c>), its status (<c>pending</c>, <c>applied</c>, <c>skipped</c>), what its
/// changes did, and, for a stage that distributes codes, each distribution's progress (none until it starts).
/// </summary>
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
    IReadOnlyList<ChangeReport>? Results,
    IReadOnlyList<DistributionResponse>? Distributions = null);
