namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// The plans, states and scratch arrays of one quote, kept per thread and reused by the next quote on it, so
/// that a quote allocates little beyond its result. A quote takes the thread's workspace and gives it back
/// when done; a nested quote on the same thread (none today) would simply get a new one.
/// </summary>
internal sealed class QuoteWorkspace
{
    [ThreadStatic]
    private static QuoteWorkspace? s_cached;

    private readonly List<EffectPlan> _plans = [];
    private RankedCandidate[] _ranked = [];
    private QuoteCandidate[] _sorted = [];
    private RankKey[] _rankKeys = [];
    private RankKey[] _rankKeyBuffer = [];

    /// <summary>The plans of the current quote in rank order; the first <c>planned</c> are in use.</summary>
    public IReadOnlyList<EffectPlan> Plans => _plans;

    public DealBuffers Deal { get; } = new();

    public SelectionCache Selections { get; } = new();

    public PricingState Walk { get; } = new();

    public PricingState Fresh { get; } = new();

    public PricingState Scratch { get; } = new();

    /// <summary>Per line: weights in 10^-scale units (exact path) or decimal weights, shares, remainders.</summary>
    public long[] ScaledWeights { get; private set; } = [];

    public decimal[] Weights { get; private set; } = [];

    public decimal[] Remaining { get; private set; } = [];

    public decimal[] Remainders { get; private set; } = [];

    public decimal[] Bounds { get; private set; } = [];

    public long[] ScratchShares { get; private set; } = [];

    public ulong[] ExactRemainders { get; private set; } = [];

    public int[] Available { get; private set; } = [];

    public int[] Discounted { get; private set; } = [];

    public int[] Order { get; private set; } = [];

    public int[] SecondOrder { get; private set; } = [];

    public int[] ThirdOrder { get; private set; } = [];

    /// <summary>Units taken in one buy-X-get-Y application: line, units, and whether they are "get" units.</summary>
    public (int Line, int Units, bool Get)[] Taken { get; private set; } = [];

    public RankedCandidate[] Ranked => _ranked;

    public QuoteCandidate[] Sorted => _sorted;

    /// <summary>Room for the rank keys of <paramref name="count"/> candidates, and for merging them.</summary>
    public Span<RankKey> RankKeys(int count) => _rankKeys.AsSpan(0, count);

    public Span<RankKey> RankKeyBuffer(int count) => _rankKeyBuffer.AsSpan(0, count);

    public static QuoteWorkspace Rent(int lines, int candidates)
    {
        var workspace = s_cached ?? new QuoteWorkspace();
        s_cached = null;
        workspace.Prepare(lines, candidates);
        return workspace;
    }

    public static void Return(QuoteWorkspace workspace)
    {
        workspace.Release();
        s_cached = workspace;
    }

    /// <summary>The plan object for rank <paramref name="rank"/>, created on first use and reused afterwards.</summary>
    public EffectPlan Plan(int rank)
    {
        while (_plans.Count <= rank)
        {
            _plans.Add(new EffectPlan());
        }

        return _plans[rank];
    }

    private void Prepare(int lines, int candidates)
    {
        if (ScaledWeights.Length < lines)
        {
            ScaledWeights = new long[lines];
            Weights = new decimal[lines];
            Remaining = new decimal[lines];
            Remainders = new decimal[lines];
            Bounds = new decimal[lines];
            ScratchShares = new long[lines];
            ExactRemainders = new ulong[lines];
            Available = new int[lines];
            Discounted = new int[lines];
            Order = new int[lines];
            SecondOrder = new int[lines];
            ThirdOrder = new int[lines];
            Taken = new (int, int, bool)[2 * lines];
        }
        if (_ranked.Length < candidates)
        {
            _ranked = new RankedCandidate[candidates];
            _sorted = new QuoteCandidate[candidates];
            _rankKeys = new RankKey[candidates];
            _rankKeyBuffer = new RankKey[candidates];
        }
    }

    private void Release()
    {
        // Nothing of the last quote's inputs stays reachable from a thread's cache.
        foreach (var plan in _plans)
        {
            plan.Release();
        }

        Array.Clear(_ranked);
        Array.Clear(_sorted);
        Deal.Clear();
        Selections.Clear();
    }
}
