namespace Promotions.ServiceDefaults.Metrics;

/// <summary>
/// One <c>CloudWatchMetrics</c> entry of an EMF document: its metrics (name, CloudWatch unit) and the dimension sets
/// they are aggregated by, each besides <c>service</c>. Every set is a separate metric in CloudWatch (and on the bill).
/// </summary>
internal sealed record EmfDirective(IReadOnlyList<IReadOnlyList<string>> DimensionSets, IReadOnlyList<(string Name, string Unit)> Metrics);
