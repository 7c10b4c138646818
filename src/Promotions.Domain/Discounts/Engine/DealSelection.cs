namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// The stack the best-deal search chose, evaluated in detail; the standing of every plan it considered; and
/// why each plan gives nothing even on its own, where that is so (the most useful answer for a customer).
/// </summary>
internal sealed record DealSelection(
    StackResult Result,
    IReadOnlyDictionary<EffectPlan, Standing> Standings,
    IReadOnlyDictionary<EffectPlan, Miss> StandaloneMisses);
