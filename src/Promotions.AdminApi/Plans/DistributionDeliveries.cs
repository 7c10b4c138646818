namespace Promotions.AdminApi.Plans;

/// <summary>
/// The answer to a step that distributes codes, the output of its waiting task: the batch numbers the state machine's
/// Map hands back one by one (<c>CodeDistribution.Deliveries</c>; 0 for whatever remains).
/// </summary>
internal sealed record DistributionDeliveries(IReadOnlyList<int> Batches);
