namespace Promotions.Domain.Discounts.Engine;

/// <summary>A stack being built in rank order, with its running state, so promotions can be tried at any point.</summary>
internal sealed class StackWalk(CartView view, QuotePolicy policy)
{
    private readonly PricingState _state = PricingState.Fresh(view, policy);

    public List<EffectPlan> Stack { get; } = [];

    /// <summary>What each plan of <see cref="Stack"/> gave, with allocations, in stack order.</summary>
    public List<StackEntry> Entries { get; } = [];

    /// <summary>The total benefit of <see cref="Stack"/>.</summary>
    public decimal Benefit { get; private set; }

    public void Apply(EffectPlan plan)
    {
        var entry = StackEvaluator.Apply(plan, view, policy, _state, details: true);
        Benefit += entry.Benefit;
        Stack.Add(plan);
        Entries.Add(entry);
    }

    /// <summary>What <paramref name="plan"/> would give applied next, leaving the walk unchanged.</summary>
    public StackEntry Try(EffectPlan plan) => StackEvaluator.Apply(plan, view, policy, _state.Clone(), details: false);
}
