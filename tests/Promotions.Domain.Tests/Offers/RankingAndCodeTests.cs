using Promotions.Domain.Codes;
using Promotions.Domain.Customers;
using Promotions.Domain.Offers;
using static Promotions.Domain.Tests.Offers.OfferFixtures;

namespace Promotions.Domain.Tests.Offers;

public sealed class RankingAndCodeTests
{
    [Fact]
    public void Decide_WithCart_RanksByPriorityThenEstimatedDiscountThenId()
    {
        var snapshot = new CatalogSnapshot(Now,
        [
            Live(Promotion("prm_a", "{'type':'amount_off','amount':5}")),
            Live(Promotion("prm_b", "{'type':'amount_off','amount':20}")),
            Live(Promotion("prm_c", "{'type':'amount_off','amount':1}", priority: 5)),
            Live(Promotion("prm_d", "{'type':'amount_off','amount':5}")),
            Live(Promotion("prm_e", rules: ["{'fact':'cart.subtotal','op':'gte','value':1000}"])),
        ], []);

        var decisions = OfferFinder.Decide(snapshot, Request(Cart(100m)), explain: false);

        Assert.Equal(["prm_c", "prm_b", "prm_a", "prm_d", "prm_e"], decisions.Select(d => d.Promotion.Id));
        Assert.Equal(20m, decisions[1].EstimatedDiscount);
        Assert.Equal(EligibilityOutcome.NotEligible, decisions[^1].Decision.Outcome);
    }

    [Fact]
    public void Decide_WhenNotExplaining_LeavesOutOtherChannels()
    {
        var snapshot = new CatalogSnapshot(Now, [Live(Promotion("prm_app", channels: [Channels.MobileApp])), Live(Promotion("prm_web"))], []);

        Assert.Equal(["prm_web"], OfferFinder.Decide(snapshot, Request(), explain: false).Select(d => d.Promotion.Id));
        Assert.Equal(2, OfferFinder.Decide(snapshot, Request(), explain: true).Count);
    }

    [Theory]
    [InlineData(true, 0, 1, null, null)]
    [InlineData(false, 0, 1, null, OfferReasons.CodeInactive)]
    [InlineData(true, 0, 1, -1, OfferReasons.CodeExpired)]
    [InlineData(true, 1, 1, null, OfferReasons.CodeExhausted)]
    [InlineData(true, 5, 5, 1, OfferReasons.CodeExhausted)]
    public void CodeState_WhenCodeIn_GivesReason(bool active, int uses, int maxUses, int? expiresInDays, string? reason)
    {
        var code = new PromoCode("cod_1", "prm_1", "SUMMER1234", uses, maxUses, active, expiresInDays is { } d ? Now.AddDays(d) : null);

        Assert.Equal(reason, CodeResolver.CodeState(code, Now));
    }

    [Theory]
    [InlineData("summer-12 34", "SUMMER1234")]
    [InlineData("  ", null)]
    [InlineData("SUMMER-12€4", null)]
    [InlineData("A'; DROP TABLE codes;--", null)]
    public void Normalize_WhenInput_ReturnsStoredFormOrNull(string input, string? normalized) =>
        Assert.Equal(normalized, CodeResolver.Normalize(input));

    [Fact]
    public void Normalize_WhenLongerThanAnyCode_ReturnsNull() =>
        Assert.Null(CodeResolver.Normalize(new string('A', CodeResolver.MaxCodeLength + 1)));

    [Fact]
    public void WithSegments_AddsSegmentsWhoseCriteriaHold()
    {
        var gold = PromotionCompiler.Compile(new Segments.Segment("seg_gold", "Gold", null,
            Json("{'fact':'customer.attributes.tier','op':'eq','value':'gold'}")));
        var big = PromotionCompiler.Compile(new Segments.Segment("seg_big", "Big", null,
            Json("{'fact':'history.lifetime_spend','op':'gte','value':1000}")));
        var snapshot = new CatalogSnapshot(Now, [], [gold.Value!, big.Value!]);
        var profile = new CustomerProfile("cus_1", Json("{'tier':'gold'}"), ["seg_manual"], PurchaseHistory.None);

        var resolved = CustomerResolver.WithSegments(profile, snapshot, Now);

        Assert.Equal(["seg_gold", "seg_manual"], resolved.SegmentIds);
    }

    [Fact]
    public void Message_CoversEveryReason() =>
        Assert.All(OfferReasons.All, r => Assert.False(string.IsNullOrWhiteSpace(OfferReasons.Message(r))));
}
