using System.Text.Json;
using CsCheck;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers;
using Promotions.Domain.Promotions;

namespace Promotions.Contracts.Redemptions;

/// <summary>
/// What is recorded is what was quoted: random carts and promotion sets quoted by the discount engine, turned into
/// the ledger's command as the checkout does (<see cref="QuotedOrder"/>), recorded and read back, on every adapter.
/// </summary>
public abstract partial class RedemptionLedgerContract
{
    /// <summary>How many random quotes the property runs (fewer where each write is a network round trip).</summary>
    protected virtual int QuoteIterations => 60;

    private static readonly string[] Skus = ["S0", "S1", "S2", "S3"];

    private static Gen<Cart> QuotedCart =>
        from count in Gen.Int[1, 8]
        from lines in Gen.Select(Gen.OneOf(Skus), Gen.Int[1, 5], Gen.Int[100, 20_000]).Array[count]
        from shipping in Gen.OneOf(Gen.Const(0), Gen.Int[1, 1_500])
        select new Cart("EUR",
            lines.Select((l, i) => new CartLine($"L{i}", l.Item1, null, l.Item2, Money.FromMinor(l.Item3, "EUR"))).ToArray(),
            Money.FromMinor(shipping, "EUR"));

    private static Gen<string> QuotedEffect => Gen.OneOf(
        Gen.Int[1, 60].Select(p => $$$"""{"type":"percent_off","percent":{{{p}}},"target":{"scope":"order"}}"""),
        Gen.Select(Gen.Int[1, 60], Gen.OneOf(Skus)).Select((p, sku) =>
            $$"""{"type":"percent_off","percent":{{p}},"target":{"scope":"items","filter":{"skus":["{{sku}}"]""" + "}}}"),
        Gen.Int[1, 40].Select(a => $$$"""{"type":"amount_off","amount":{{{a}}},"target":{"scope":"order"}}"""),
        Gen.Const("""{"type":"free_shipping"}"""));

    [Fact]
    public async Task Redeem_RandomCartsAndPromotionSets_RecordEveryPromotionAndLineExactlyAsQuoted()
    {
        var campaign = new Campaign(Samples.CampaignId, "Quoted", null, null, null, LifecycleStatus.Active, null,
            new Budget(10_000_000m, "EUR"), null, null, Clock.GetUtcNow(), Clock.GetUtcNow());
        var spent = 0m;
        var sample = 0;
        await Gen.Select(QuotedCart, QuotedEffect.Array[1, 6], Gen.Int[0, 3].Array[6]).SampleAsync(
            async (cart, effects, priorities) =>
            {
                var snapshot = Snapshot(campaign, effects, priorities);
                var candidates = snapshot.Promotions.Select(p =>
                    new QuoteCandidate(p.Id, p.Compiled.Effect, p.Promotion.Priority, p.Promotion.Stacking)).ToArray();
                var quote = DiscountEngine.Quote(cart, candidates, QuotePolicy.Default);
                if (quote.Applied.Count == 0)
                {
                    return;
                }

                var id = $"rdm_{Samples.Scope}_{Interlocked.Increment(ref sample)}";
                var command = QuotedOrder.Command(id, "order-" + id, cart, CustomerProfile.Anonymous with { Id = "cus_q" }, "web", quote, snapshot,
                    Clock.GetUtcNow(), null);

                var result = await Ledger.RedeemAsync(command, null, default);

                Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Errors[0].Message);
                var stored = (await Ledger.GetAsync(id, default))!;
                Assert.Equal((quote.Subtotal, quote.Shipping, quote.TotalDiscount, quote.Total), (stored.Subtotal, stored.Shipping, stored.Discount, stored.Total));
                Assert.Equal(quote.Applied.Count, stored.Redemptions.Count);
                for (var i = 0; i < quote.Applied.Count; i++)
                {
                    var applied = quote.Applied[i];
                    var part = stored.Redemptions[i];
                    Assert.Equal((applied.PromotionId, applied.Amount + applied.ShippingDiscount, applied.ShippingDiscount),
                        (part.PromotionId, part.DiscountAmount, part.ShippingDiscount));
                    Assert.Equal(applied.Allocations, part.Allocations);
                    Assert.Equal(cart.Lines.Select(l => applied.Allocations.Where(a => a.LineId == l.LineId).Sum(a => a.Amount)),
                        part.Lines.Select(l => l.Allocated));
                }

                Assert.Equal(quote.Subtotal + quote.Shipping, stored.Redemptions.Sum(p => p.Revenue!.Value));
                spent += quote.TotalDiscount;
                Assert.Equal(spent, (await Ledger.GetUsageAsync(stored.Redemptions[0].PromotionId, null, Samples.CampaignId, default)).BudgetSpent);
            },
            iter: QuoteIterations,
            threads: 1);
    }

    private CatalogSnapshot Snapshot(Campaign campaign, string[] effects, int[] priorities)
    {
        var now = Clock.GetUtcNow();
        var live = effects.Select((effect, i) =>
        {
            using var json = JsonDocument.Parse(effect);
            var promotion = new Promotion($"{Samples.PromotionId}_q{i}", campaign.Id, $"Quoted {i}", null, PromotionKind.Automatic, null, null,
                LifecycleStatus.Active, json.RootElement.Clone(), [], [], priorities[i], Stacking.Default, null, 0, null, now, now);
            return new LivePromotion(promotion, campaign, PromotionCompiler.Compile(promotion).Value!);
        }).ToArray();
        return new CatalogSnapshot(now, live, []);
    }
}
