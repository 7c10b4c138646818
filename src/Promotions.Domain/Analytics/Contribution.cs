namespace Promotions.Domain.Analytics;

/// <summary>What one event adds to one cell.</summary>
public sealed record Contribution(BucketKey Key, Measures Delta);
