using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// A candidate prepared once per quote: everything about its effect that does not depend on the promotions
/// applied before it (which lines it may touch, which tier the cart reaches, its arithmetic in minor units),
/// so that the many stack evaluations of the best-deal search only redo the arithmetic. Plans are reused
/// from quote to quote (see <see cref="QuoteWorkspace"/>); <see cref="Reset"/> starts one afresh.
/// </summary>
internal sealed class EffectPlan
{
    private long[] _shares = [];

    public QuoteCandidate Candidate { get; private set; } = null!;

    /// <summary>Position in rank order (priority descending, then id, then code).</summary>
    public int Rank { get; private set; }

    /// <summary>Set when the effect cannot give anything in this cart whatever applies before it.</summary>
    public Miss? StaticMiss { get; set; }

    /// <summary>Lines a line effect discounts; for buy-X-get-Y, the "get" lines.</summary>
    public LineSelection? Target { get; private set; }

    /// <summary>For buy-X-get-Y, the lines whose units count as bought.</summary>
    public LineSelection? Buy { get; private set; }

    /// <summary>For tiered effects, the highest tier reached.</summary>
    public Tier? Tier { get; set; }

    /// <summary>How a percent or amount off lines is computed; see <see cref="LineArithmetic"/>.</summary>
    public LineArithmetic Arithmetic { get; set; }

    /// <summary>For free shipping, the most it takes off in minor units (rounded down); <see cref="long.MaxValue"/> without a cap.</summary>
    public long ShippingCapMinor { get; set; }

    /// <summary>For free gifts, the gift line (built once per quote) and its value in minor units.</summary>
    public GiftLine? Gift { get; set; }

    public long GiftMinor { get; set; }

    /// <summary>Index of the stacking group among the quote's groups, or -1.</summary>
    public int GroupId { get; set; } = -1;

    /// <summary>The next member of the plan's stacking group in rank order, or null.</summary>
    public EffectPlan? NextMember { get; set; }

    /// <summary>True once <see cref="AloneGives"/> and <see cref="AloneMiss"/> are known (they are computed when first needed).</summary>
    public bool AloneKnown { get; set; }

    /// <summary>Whether the plan gives anything alone on the fresh cart.</summary>
    public bool AloneGives { get; set; }

    /// <summary>Why the plan gives nothing alone on the fresh cart, or null when it gives something.</summary>
    public Miss? AloneMiss { get; set; }

    /// <summary>Where the best-deal search left the plan.</summary>
    public Standing Standing { get; set; }

    /// <summary>The plan's position in the chosen stack, or -1.</summary>
    public int EntryIndex { get; set; } = -1;

    /// <summary>What the plan gave applied in the stack being detailed, per line in minor units.</summary>
    public long[] Shares => _shares;

    public DiscountEffect Effect => Candidate.Effect;

    public bool Exclusive => Candidate.Stacking.Exclusive;

    public string? Group => Candidate.Stacking.Group;

    public void Reset(QuoteCandidate candidate, int rank, int lines)
    {
        Candidate = candidate;
        Rank = rank;
        StaticMiss = null;
        Target = null;
        Buy = null;
        Tier = null;
        Arithmetic = default;
        ShippingCapMinor = long.MaxValue;
        Gift = null;
        GiftMinor = 0;
        GroupId = -1;
        NextMember = null;
        AloneKnown = false;
        AloneGives = false;
        AloneMiss = null;
        Standing = default;
        EntryIndex = -1;
        if (_shares.Length < lines)
        {
            _shares = new long[lines];
        }
    }

    /// <summary>Selects the lines the effect discounts (the "get" lines for buy-X-get-Y).</summary>
    public LineSelection SelectTarget(SelectionCache selections, CartView view, ItemFilter? filter, bool exclude) =>
        Target = selections.Select(view, filter, exclude);

    public LineSelection SelectBuy(SelectionCache selections, CartView view, ItemFilter? filter, bool exclude) =>
        Buy = selections.Select(view, filter, exclude);

    /// <summary>Drops the references to the last quote's candidate and effect objects.</summary>
    public void Release()
    {
        Candidate = null!;
        StaticMiss = null;
        Tier = null;
        Gift = null;
        Target = null;
        Buy = null;
        NextMember = null;
        AloneMiss = null;
        Standing = default;
    }
}
