namespace Promotions.ServiceDefaults.Metrics;

/// <summary>Endpoint metadata: the request metric an endpoint is measured under.</summary>
public sealed record RequestMetricName(string Name);
