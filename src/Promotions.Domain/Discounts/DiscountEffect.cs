namespace Promotions.Domain.Discounts;

/// <summary>
/// A discount effect: the typed form of a promotion's effect JSON, produced by <see cref="EffectParser"/>.
/// The set of effects is closed (see <c>docs/discounts.md</c>); the engine evaluates each kind.
/// </summary>
public abstract record DiscountEffect
{
    /// <summary>Effects are defined in this assembly only: the engine evaluates every kind it knows.</summary>
    private protected DiscountEffect()
    {
    }

    /// <summary>The wire name of the effect, the value of its <c>type</c> property (e.g. <c>percent_off</c>).</summary>
    public abstract string Type { get; }

    /// <summary>
    /// The currency the effect's amounts are written in; when set, a cart in another currency gets
    /// <c>currency_mismatch</c>. Null means "amounts are in the cart's currency".
    /// </summary>
    public string? Currency { get; init; }

    /// <summary>Lines flagged <c>AlreadyDiscounted</c> are not discounted by this effect.</summary>
    public bool ExcludeAlreadyDiscounted { get; init; }
}
