using System.Collections.Frozen;
using Promotions.Domain.Discounts;
using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>
/// What is compiled once per (promotion id, version): the parsed effect and the compiled rules, in rule
/// priority order, with each leaf condition indexed by its path so explanations can be turned into hints.
/// </summary>
public sealed class CompiledPromotion
{
    internal CompiledPromotion(
        long version, DiscountEffect effect, IReadOnlyList<CompiledCondition> rules, FrozenDictionary<string, FactCondition> leaves)
    {
        Version = version;
        Effect = effect;
        Rules = rules;
        Leaves = leaves;
        UsesCart = leaves.Values.Any(static l => ConditionTrace.IsCartFact(l.Fact));
    }

    /// <summary>The promotion version these were compiled from.</summary>
    public long Version { get; }

    public DiscountEffect Effect { get; }

    /// <summary>Every rule must hold; evaluated in ascending rule priority.</summary>
    public IReadOnlyList<CompiledCondition> Rules { get; }

    /// <summary>True when some rule asks about the cart, so a cart-less ask cannot settle it.</summary>
    public bool UsesCart { get; }

    internal FrozenDictionary<string, FactCondition> Leaves { get; }
}
