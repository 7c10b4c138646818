using Promotions.Domain.Events;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Plans;

/// <summary>A promotion a step changes: its new state and the version it was read at.</summary>
public sealed record PromotionWrite(Promotion Promotion, long ExpectedVersion, IReadOnlyList<DomainEvent> Events);
