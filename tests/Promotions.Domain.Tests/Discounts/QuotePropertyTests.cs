using System.Text;
using CsCheck;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;

namespace Promotions.Domain.Tests.Discounts;

public sealed class QuotePropertyTests
{
    private const int Iterations = 400;

    [Fact]
    public void Quote_ForAnyCart_KeepsMoneyInvariants()
    {
        QuoteGenerators.Scenario.Sample(
            s => CheckInvariants(s, DiscountEngine.Quote(s.Cart, s.Candidates, s.Policy)),
            iter: Iterations,
            print: s => s.ToString());
    }

    [Fact]
    public void Quote_ForAnyCart_IsIndependentOfLineAndCandidateOrder()
    {
        QuoteGenerators.Scenario.Sample(
            s =>
            {
                var random = new Random(s.ShuffleSeed);
                var lines = s.Cart.Lines.ToArray();
                var candidates = s.Candidates.ToArray();
                random.Shuffle(lines);
                random.Shuffle(candidates);

                var original = DiscountEngine.Quote(s.Cart, s.Candidates, s.Policy);
                var shuffled = DiscountEngine.Quote(s.Cart with { Lines = lines }, candidates, s.Policy);

                Assert.Equal(Describe(original), Describe(shuffled));
            },
            iter: Iterations,
            print: s => s.ToString());
    }

    [Fact]
    public void Quote_ForSameInputs_GivesSameQuote()
    {
        QuoteGenerators.Scenario.Sample(
            s => Assert.Equal(
                Describe(DiscountEngine.Quote(s.Cart, s.Candidates, s.Policy)),
                Describe(DiscountEngine.Quote(s.Cart, s.Candidates, s.Policy))),
            iter: Iterations / 4,
            print: s => s.ToString());
    }

    [Fact]
    public void Quote_WithActionableMisses_IsTheFullQuoteWithOnlyCodesAndHintsInNotApplied()
    {
        QuoteGenerators.Scenario.Sample(
            s =>
            {
                var all = DiscountEngine.Quote(s.Cart, s.Candidates, s.Policy with { Misses = MissReport.All });
                var actionable = DiscountEngine.Quote(s.Cart, s.Candidates, s.Policy with { Misses = MissReport.Actionable });
                Assert.Equal(Describe(all with { NotApplied = [] }), Describe(actionable with { NotApplied = [] }));
                Assert.Equal(all.NotApplied.Where(static n => n.Code is not null || n.Hint is not null), actionable.NotApplied);
            },
            iter: Iterations / 4,
            print: s => s.ToString());
    }

    private static void CheckInvariants(Scenario s, Quote quote)
    {
        var currency = s.Cart.Currency;
        Assert.Equal(currency, quote.Currency);
        Assert.True(quote.Total >= 0m);
        Assert.Equal(quote.Subtotal + quote.Shipping - quote.TotalDiscount, quote.Total);
        Assert.Equal(quote.LineDiscount + quote.ShippingDiscount, quote.TotalDiscount);
        Assert.True(quote.TotalDiscount <= quote.Subtotal + quote.Shipping);
        Assert.InRange(quote.ShippingDiscount, 0m, quote.Shipping);
        if (s.Policy.MaxCombinedDiscountPercent is { } max)
        {
            Assert.True(quote.LineDiscount <= quote.Subtotal * max / 100m, $"{quote.LineDiscount} > {max}% of {quote.Subtotal}");
        }

        var byLine = s.Cart.Lines.ToDictionary(l => l.LineId);
        var allocated = quote.Lines.ToDictionary(l => l.LineId, _ => 0m);
        foreach (var applied in quote.Applied)
        {
            Assert.True(applied.Amount >= 0m && applied.ShippingDiscount >= 0m);
            Assert.Equal(applied.Amount, applied.Allocations.Sum(a => a.Amount));
            Assert.Equal(Money.Round(applied.Amount, currency), applied.Amount);
            foreach (var allocation in applied.Allocations)
            {
                Assert.True(allocation.Amount > 0m);
                Assert.Equal(Money.Round(allocation.Amount, currency), allocation.Amount);
                Assert.False(byLine[allocation.LineId].NonDiscountable);
                allocated[allocation.LineId] += allocation.Amount;
            }
        }

        Assert.Equal(quote.LineDiscount, quote.Lines.Sum(l => l.Discount));
        Assert.Equal(s.Cart.Lines.Select(l => l.LineId), quote.Lines.Select(l => l.LineId));
        foreach (var line in quote.Lines)
        {
            var cartLine = byLine[line.LineId];
            Assert.Equal(allocated[line.LineId], line.Discount);
            Assert.Equal(line.Original - line.Discount, line.Final);
            Assert.True(line.Final >= 0m && line.Discount >= 0m);
            Assert.True(line.Final >= line.Original * (s.Policy.PriceFloorPercent ?? 0m) / 100m);
            if (cartLine.NonDiscountable || (cartLine.AlreadyDiscounted && s.Policy.ExcludeAlreadyDiscounted))
            {
                Assert.Equal(0m, line.Discount);
            }
        }

        // Every candidate is accounted for exactly once, with a reason from the documented set.
        var reported = quote.Applied.Select(a => (a.PromotionId, a.Code)).Concat(quote.NotApplied.Select(n => (n.PromotionId, n.Code)));
        Assert.Equal(s.Candidates.Select(c => (c.PromotionId, c.Code)).Order(), reported.Order());
        Assert.All(quote.NotApplied, n => Assert.Contains(n.Reason, NotAppliedReasons.All));
    }

    /// <summary>The whole quote as text, lines in id order (the only order that depends on the input).</summary>
    private static string Describe(Quote quote)
    {
        var text = new StringBuilder();
        text.AppendLine($"{quote.Currency} {quote.Subtotal} {quote.Shipping} {quote.LineDiscount} {quote.ShippingDiscount} {quote.TotalDiscount} {quote.Total}");
        foreach (var a in quote.Applied)
        {
            text.AppendLine($"+ {a.PromotionId} {a.Code} {a.Amount} {a.ShippingDiscount} {a.GuardrailReduction} " +
                $"[{string.Join(",", a.Allocations.Select(x => $"{x.LineId}={x.Amount}"))}] [{string.Join(",", a.Gifts)}]");
        }

        foreach (var n in quote.NotApplied)
        {
            text.AppendLine($"- {n.PromotionId} {n.Code} {n.Reason} {n.Message} {n.Hint}");
        }

        foreach (var line in quote.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal))
        {
            text.AppendLine(line.ToString());
        }

        return text.ToString();
    }

    [Fact]
    public void Generators_ProduceValidCartsAndEffects()
    {
        QuoteGenerators.Scenario.Sample(
            s =>
            {
                Assert.InRange(s.Cart.Lines.Count, 1, 20);
                Assert.Equal(s.Cart.Lines.Count, s.Cart.Lines.Select(l => l.LineId).Distinct().Count());
                Assert.All(s.Cart.Lines, (CartLine l) => Assert.True(l.Quantity >= 1 && l.UnitPrice > 0m));
            },
            iter: 50);
    }
}
