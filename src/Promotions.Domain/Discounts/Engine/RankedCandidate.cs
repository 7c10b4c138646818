namespace Promotions.Domain.Discounts.Engine;

/// <summary>A candidate in rank order: either planned for the best-deal search or rejected up front (currency, code limit).</summary>
internal readonly record struct RankedCandidate(QuoteCandidate Candidate, EffectPlan? Plan, Miss? Rejection);
