using CsCheck;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;
using Promotions.Domain.Discounts.Effects;
using Promotions.Domain.Discounts.Engine;

namespace Promotions.Domain.Tests.Discounts;

/// <summary>
/// The engine's integer fast paths against the decimal definitions they replace: the exact allocator against
/// the decimal largest-remainder allocator, and percent/amount effects in minor units against the same
/// effects computed in decimal, applied one after another on random carts and candidate sets.
/// </summary>
public sealed class ExactArithmeticTests
{
    private static readonly Gen<(long[] Weights, int Scale, long Total, int Digits)> Allocation =
        from digits in Gen.OneOf(Gen.Const(0), Gen.Const(2), Gen.Const(3))
        from extra in Gen.Int[0, 6]
        from count in Gen.Int[1, 12]
        from weights in Gen.OneOf(
            Gen.Long[0, 10_000_000].Array[count],
            Gen.OneOf(Gen.Const(0L), Gen.Const(3L), Gen.Const(7L), Gen.Const(70L), Gen.Const(333L)).Array[count])
        from share in Gen.Double[0, 1]
        select (weights, digits + extra, (long)(weights.Sum() / Math.Pow(10, extra) * share), digits);

    [Fact]
    public void ExactAllocator_WhenItAnswers_GivesTheDecimalAllocatorsShares()
    {
        var answered = 0;
        Allocation.Sample(
            c =>
            {
                var (weights, scale, total, digits) = c;
                var view = CartView.Create(
                    new Cart("EUR", [.. weights.Select((_, i) => new CartLine($"L{i:D2}", "S", null, 1, 1m))]), QuotePolicy.Default);
                var lines = new LineSelection();
                lines.Select(view, null, excludeAlreadyDiscounted: false);
                var expected = new long[weights.Length];
                var decimals = weights.Select(w => MinorUnits.FromScaled(w, scale)).ToArray();
                var expectedTotal = Allocator.Allocate(total, lines, decimals, digits, expected, new decimal[weights.Length], new decimal[weights.Length]);
                Assert.Equal(weights.Any(w => w > 0) ? total : 0, expectedTotal); // the whole amount, always (what a probe relies on)

                var exact = new long[weights.Length];
                if (ExactAllocator.TryAllocate(total, lines, weights, scale, exact, new ulong[weights.Length], new int[weights.Length], out var allocated))
                {
                    Interlocked.Increment(ref answered);
                    Assert.Equal(expectedTotal, allocated);
                    Assert.Equal(expected, exact);
                }
            },
            iter: 4000);
        Assert.True(answered > 2000, $"the exact allocator answered only {answered} of 4000");
    }

    [Fact]
    public void Allocator_ForWeightsRoundedByDecimal_HandsOutTheWholeAmount()
    {
        var rounded =
            from count in Gen.Int[1, 12]
            from minors in Gen.Long[0, 10_000_000].Array[count]
            from divisors in Gen.Int[1, 7].Array[count]
            from share in Gen.Double[0, 1]
            select (minors.Zip(divisors, (m, d) => m / 100m / d).ToArray(), share);
        rounded.Sample(
            c =>
            {
                var (weights, share) = c;
                var total = (long)decimal.Truncate(weights.Sum() * 100m * (decimal)share);
                var view = CartView.Create(
                    new Cart("EUR", [.. weights.Select((_, i) => new CartLine($"L{i:D2}", "S", null, 1, 1m))]), QuotePolicy.Default);
                var lines = new LineSelection();
                lines.Select(view, null, excludeAlreadyDiscounted: false);
                var shares = new long[weights.Length];
                var allocated = Allocator.Allocate(total, lines, weights, 2, shares, new decimal[weights.Length], new decimal[weights.Length]);
                Assert.Equal(weights.Any(w => w > 0m) ? total : 0, allocated);
                Assert.Equal(allocated, shares.Sum());
            },
            iter: 4000);
    }

    [Fact]
    public void MinorUnits_ToDecimal_IsMoneyFromMinorToTheLastBit()
    {
        Gen.Select(Gen.Long[-10_000_000_000, 10_000_000_000], QuoteGenerators.Currency).Sample(
            (minor, currency) =>
            {
                var digits = Money.MinorUnits(currency);
                Assert.Equal(decimal.GetBits(Money.FromMinor(minor, currency)), decimal.GetBits(MinorUnits.ToDecimal(minor, digits)));
                Assert.Equal(Money.FromMinor(minor, currency), MinorUnits.OnGrid(Money.FromMinor(minor, currency), digits) / (decimal)MinorUnits.Pow10(digits));
            },
            iter: 2000);
    }

    [Fact]
    public void UnitOrder_PerUnit_IsTheDecimalDivision()
    {
        Gen.Select(Gen.Long[0, 100_000_000], Gen.Int[1, 40], Gen.OneOf(Gen.Const(0), Gen.Const(2), Gen.Const(3))).Sample(
            (remaining, quantity, digits) =>
                Assert.Equal(MinorUnits.ToDecimal(remaining, digits) / quantity, UnitOrder.PerUnit(remaining, quantity, digits)),
            iter: 2000);
    }

    [Fact]
    public void FixedPrice_WhenNeverCheaper_PricingTheGroupsGivesTheSameMiss()
    {
        var fixedPrice =
            from cart in QuoteGenerators.Cart
            from quantity in Gen.Int[1, 4]
            from price in Gen.OneOf(Gen.Int[1, 20_000].Select(p => p / 100m), Gen.Int[1, 400].Select(p => (decimal)p))
            from applied in Gen.Int[0, 3]
            select (cart, Build.Effect($"{{'type':'fixed_price','quantity':{quantity},'price':{price}}}"), applied);
        var shortCuts = 0;
        fixedPrice.Sample(
            c =>
            {
                var (cart, effect, applied) = c;
                var view = CartView.Create(cart, QuotePolicy.Default);
                var workspace = QuoteWorkspace.Rent(view.Count, 1);
                try
                {
                    var lines = new LineSelection();
                    lines.Select(view, null, excludeAlreadyDiscounted: false);
                    var state = new PricingState();
                    state.Reset(view, null);
                    for (var i = 0; i < view.Count; i++)
                    {
                        state.Remaining[i] -= state.Remaining[i] * applied / 4; // as if earlier promotions took some
                    }

                    var fixedEffect = (FixedPriceEffect)effect;
                    if (!FixedPriceCalculator.NeverCheaper(fixedEffect, lines, view, state))
                    {
                        return;
                    }

                    Interlocked.Increment(ref shortCuts);
                    var priced = FixedPriceCalculator.Groups(fixedEffect, lines, view, state, workspace);
                    Assert.Equal(FixedPriceCalculator.Evaluate(fixedEffect, lines, view, state, workspace).Miss, priced.Miss);
                }
                finally
                {
                    QuoteWorkspace.Return(workspace);
                }
            },
            iter: 2000);
        Assert.True(shortCuts > 200, $"the short cut was taken only {shortCuts} times");
    }

    [Fact]
    public void Apply_WithMinorUnitArithmetic_MatchesDecimalArithmetic()
    {
        QuoteGenerators.Scenario.Sample(
            s =>
            {
                var view = CartView.Create(s.Cart, s.Policy);
                var workspace = QuoteWorkspace.Rent(view.Count, s.Candidates.Length);
                try
                {
                    var (_, planned) = CandidateRanking.Rank(s.Candidates, view, s.Policy, workspace);
                    var evaluator = new StackEvaluator(view, s.Policy, workspace);
                    PricingState exact = new(), plain = new();
                    exact.Reset(view, evaluator.Budget);
                    plain.Reset(view, evaluator.Budget);
                    for (var k = 0; k < planned; k++)
                    {
                        var plan = workspace.Plans[k];
                        var probe = evaluator.Apply(plan, exact, Application.Probe);
                        var fast = evaluator.Apply(plan, exact, Application.Detail);
                        Assert.Equal(fast.Benefit, probe.Benefit); // a probe does not allocate, yet knows the amount
                        var fastShares = plan.Shares.Take(view.Count).ToArray();
                        var arithmetic = plan.Arithmetic;
                        plan.Arithmetic = default;
                        var slowProbe = evaluator.Apply(plan, plain, Application.Probe);
                        var slow = evaluator.Apply(plan, plain, Application.Detail);
                        Assert.Equal(slow.Benefit, slowProbe.Benefit);
                        plan.Arithmetic = arithmetic;

                        Assert.Equal((slow.Amount, slow.Shipping, slow.GuardrailReduction, slow.Miss), (fast.Amount, fast.Shipping, fast.GuardrailReduction, fast.Miss));
                        if (slow.HasShares)
                        {
                            Assert.Equal(plan.Shares.Take(view.Count), fastShares);
                        }

                        Assert.Equal(plain.Remaining.Take(view.Count), exact.Remaining.Take(view.Count));
                        Assert.Equal(plain.BudgetLeft, exact.BudgetLeft);
                    }
                }
                finally
                {
                    QuoteWorkspace.Return(workspace);
                }
            },
            iter: 400,
            print: s => s.ToString());
    }
}
