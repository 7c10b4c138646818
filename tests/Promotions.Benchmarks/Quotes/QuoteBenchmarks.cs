using BenchmarkDotNet.Attributes;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;
using Promotions.Domain.Rules;

namespace Promotions.Benchmarks.Quotes;

/// <summary>
/// A full quote — eligibility of 200 compiled promotions, then effects, stacking and allocation for
/// the eligible ones — beside eligibility alone as the baseline of the same run.
/// </summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private (CompiledCondition Rule, QuoteCandidate Candidate)[] _promotions = [];
    private QuoteCandidate[] _eligible = [];
    private EvaluationContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _promotions = [.. QuoteWorkload.Promotions()];
        _context = EvaluationContext.Create(QuoteWorkload.Customer, QuoteWorkload.Cart, Channels.Web, QuoteWorkload.Now);
        _eligible = new QuoteCandidate[_promotions.Length];
        var quote = FullQuote();
        if (quote.Applied.Count == 0 || quote.Applied.Count + quote.NotApplied.Count != Eligibility())
        {
            throw new InvalidOperationException("The quote workload must apply some promotions and account for every eligible one.");
        }
    }

    [Benchmark(Baseline = true, Description = "eligibility of 200 promotions")]
    public int Eligibility()
    {
        var count = 0;
        foreach (var (rule, _) in _promotions)
        {
            if (rule.Evaluate(_context))
            {
                count++;
            }
        }

        return count;
    }

    [Benchmark(Description = "full quote: 20-line cart, 200 promotions")]
    public Quote FullQuote() => Quote(Explained);

    /// <summary>The quote as /validate and /redemptions make it without <c>explain</c>: misses only where actionable.</summary>
    [Benchmark(Description = "full quote, checkout's misses only")]
    public Quote CheckoutQuote() => Quote(Actionable);

    private static readonly QuotePolicy Explained = QuotePolicy.Default;
    private static readonly QuotePolicy Actionable = QuotePolicy.Default with { Misses = MissReport.Actionable };

    private Quote Quote(QuotePolicy policy)
    {
        // The context is built per request in the service, so it is part of the measured quote.
        var context = EvaluationContext.Create(QuoteWorkload.Customer, QuoteWorkload.Cart, Channels.Web, QuoteWorkload.Now);
        var count = 0;
        foreach (var (rule, candidate) in _promotions)
        {
            if (rule.Evaluate(context))
            {
                _eligible[count++] = candidate;
            }
        }

        return DiscountEngine.Quote(QuoteWorkload.Cart, new ArraySegment<QuoteCandidate>(_eligible, 0, count), policy);
    }
}
