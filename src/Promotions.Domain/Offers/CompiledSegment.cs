using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>A segment's criteria compiled once per (segment id, version).</summary>
public sealed record CompiledSegment(string Id, long Version, CompiledCondition Criteria);
