using Promotions.Domain.Discounts;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Tests.Discounts;

public sealed class EffectParserTests
{
    [Fact]
    public void Parse_WhenPercentOffOnItems_ReturnsTypedEffect()
    {
        var effect = Assert.IsType<PercentOffEffect>(Build.Effect(
            "{'type':'percent_off','percent':20,'maxDiscount':50.00,'excludeAlreadyDiscounted':true," +
            "'target':{'scope':'items','filter':{'skus':['A'],'categories':['shoes'],'excludeSkus':['B']}}}"));

        Assert.Equal(20m, effect.Percent);
        Assert.Equal(50m, effect.MaxDiscount);
        Assert.True(effect.ExcludeAlreadyDiscounted);
        Assert.Equal(TargetScope.Items, effect.Target.Scope);
        Assert.Equal(["A"], effect.Target.Filter!.Skus);
        Assert.Equal(["shoes"], effect.Target.Filter.Categories);
        Assert.Equal(["B"], effect.Target.Filter.ExcludeSkus);
    }

    [Fact]
    public void Parse_WhenTargetOmitted_TargetsOrder()
    {
        var effect = Assert.IsType<AmountOffEffect>(Build.Effect("{'type':'amount_off','amount':10.00,'currency':'EUR'}"));
        Assert.Equal(EffectTarget.Order, effect.Target);
        Assert.Equal("EUR", effect.Currency);
        Assert.Equal(10m, effect.Amount);
    }

    [Fact]
    public void Parse_WhenFixedPrice_ReadsGroupAndCap()
    {
        var effect = Assert.IsType<FixedPriceEffect>(Build.Effect("{'type':'fixed_price','quantity':3,'price':10.00,'maxApplications':2}"));
        Assert.Equal((3, 10m, 2), (effect.Quantity, effect.Price, effect.MaxApplications));
    }

    [Fact]
    public void Parse_WhenBuyXGetYWithDefaults_RepeatsAndGivesCheapestFree()
    {
        var effect = Assert.IsType<BuyXGetYEffect>(Build.Effect("{'type':'buy_x_get_y','buy':{'quantity':2},'get':{'quantity':1}}"));
        Assert.True(effect.Repeat);
        Assert.Null(effect.ApplicationCap);
        Assert.Equal(GetChoice.Cheapest, effect.Choose);
        Assert.Equal(100m, effect.Get.PercentOff);
        Assert.Null(effect.Get.Filter);
    }

    [Fact]
    public void Parse_WhenBuyXGetYSpecified_ReadsSkusAndCap()
    {
        var effect = Assert.IsType<BuyXGetYEffect>(Build.Effect(
            "{'type':'buy_x_get_y','buy':{'quantity':2,'filter':{'categories':['shirts']}}," +
            "'get':{'quantity':1,'filter':{'skus':['TIE']},'percentOff':50},'repeat':true,'maxApplications':3,'choose':'specified'}"));
        Assert.Equal(GetChoice.Specified, effect.Choose);
        Assert.Equal(3, effect.ApplicationCap);
        Assert.Equal(50m, effect.Get.PercentOff);
        Assert.Equal(["TIE"], effect.Get.Filter!.Skus);
    }

    [Fact]
    public void Parse_WhenBuyXGetYDoesNotRepeat_AppliesOnce()
    {
        var effect = Assert.IsType<BuyXGetYEffect>(Build.Effect("{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':1},'repeat':false}"));
        Assert.Equal(1, effect.ApplicationCap);
    }

    [Fact]
    public void Parse_WhenTiered_ReadsTiersInOrder()
    {
        var effect = Assert.IsType<TieredEffect>(Build.Effect(
            "{'type':'tiered','basis':'quantity','tiers':[{'threshold':2,'percentOff':5},{'threshold':5,'amountOff':15}]}"));
        Assert.Equal(TierBasis.Quantity, effect.Basis);
        Assert.Equal([new Tier(2, 5, null), new Tier(5, null, 15)], effect.Tiers);
    }

    [Fact]
    public void Parse_WhenFreeShippingAndFreeGift_ReturnsThem()
    {
        Assert.Null(Assert.IsType<FreeShippingEffect>(Build.Effect("{'type':'free_shipping','maxDiscount':null}")).MaxDiscount);
        var gift = Assert.IsType<FreeGiftEffect>(Build.Effect("{'type':'free_gift','sku':'GIFT-1','quantity':2,'value':5.00}"));
        Assert.Equal(("GIFT-1", 2, 5m), (gift.Sku, gift.Quantity, gift.Value));
    }

    [Fact]
    public void Parse_KnowsEveryEffectType()
    {
        Assert.Equal(
            ["percent_off", "amount_off", "fixed_price", "buy_x_get_y", "tiered", "free_shipping", "free_gift"],
            EffectParser.KnownTypes);
    }

    [Theory]
    [InlineData("[]", "effect.invalid_value", "$.effect")]
    [InlineData("{'percent':5}", "effect.missing_property", "$.effect.type")]
    [InlineData("{'type':5}", "effect.invalid_value", "$.effect.type")]
    [InlineData("{'type':'bogus'}", "effect.unknown_type", "$.effect.type")]
    [InlineData("{'type':'percent_off'}", "effect.missing_property", "$.effect.percent")]
    [InlineData("{'type':'percent_off','percent':0}", "effect.out_of_range", "$.effect.percent")]
    [InlineData("{'type':'percent_off','percent':100.5}", "effect.out_of_range", "$.effect.percent")]
    [InlineData("{'type':'percent_off','percent':'20'}", "effect.invalid_value", "$.effect.percent")]
    [InlineData("{'type':'percent_off','percent':20,'maxDiscount':-1}", "effect.out_of_range", "$.effect.maxDiscount")]
    [InlineData("{'type':'percent_off','percent':20,'percnt':2}", "effect.unknown_property", "$.effect.percnt")]
    [InlineData("{'type':'percent_off','percent':20,'my key':2}", "effect.unknown_property", "$.effect['my key']")]
    [InlineData("{'type':'percent_off','percent':20,'percent':30}", "effect.duplicate_property", "$.effect.percent")]
    [InlineData("{'type':'percent_off','percent':20,'excludeAlreadyDiscounted':1}", "effect.invalid_value", "$.effect.excludeAlreadyDiscounted")]
    [InlineData("{'type':'amount_off','amount':0}", "effect.out_of_range", "$.effect.amount")]
    [InlineData("{'type':'amount_off','amount':-5}", "effect.out_of_range", "$.effect.amount")]
    [InlineData("{'type':'amount_off','amount':5,'currency':'eur'}", "effect.invalid_currency", "$.effect.currency")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'everything'}}", "effect.unknown_value", "$.effect.target.scope")]
    [InlineData("{'type':'amount_off','amount':5,'target':{}}", "effect.missing_property", "$.effect.target.scope")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'items'}}", "effect.missing_property", "$.effect.target.filter")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'items','filter':{}}}", "effect.empty_filter", "$.effect.target.filter")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'items','filter':{'skus':[]}}}", "effect.empty_filter", "$.effect.target.filter")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'items','filter':{'skus':['']}}}", "effect.empty_filter", "$.effect.target.filter.skus[0]")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'items','filter':{'skus':'A'}}}", "effect.invalid_value", "$.effect.target.filter.skus")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'items','filter':{'sku':['A']}}}", "effect.unknown_property", "$.effect.target.filter.sku")]
    [InlineData("{'type':'amount_off','amount':5,'target':{'scope':'order','filter':{'skus':['A']}}}", "effect.conflicting_properties", "$.effect.target.filter")]
    [InlineData("{'type':'fixed_price','quantity':0,'price':10}", "effect.out_of_range", "$.effect.quantity")]
    [InlineData("{'type':'fixed_price','quantity':2.5,'price':10}", "effect.out_of_range", "$.effect.quantity")]
    [InlineData("{'type':'fixed_price','quantity':3}", "effect.missing_property", "$.effect.price")]
    [InlineData("{'type':'fixed_price','quantity':3,'price':10,'maxApplications':0}", "effect.out_of_range", "$.effect.maxApplications")]
    [InlineData("{'type':'buy_x_get_y','get':{'quantity':1}}", "effect.missing_property", "$.effect.buy")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':0},'get':{'quantity':1}}", "effect.out_of_range", "$.effect.buy.quantity")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':0}}", "effect.out_of_range", "$.effect.get.quantity")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':1,'percentOff':0}}", "effect.out_of_range", "$.effect.get.percentOff")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':1},'choose':'dearest'}", "effect.unknown_value", "$.effect.choose")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':1},'choose':'specified'}", "effect.missing_property", "$.effect.get.filter")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':1,'filter':{'categories':['x']}},'choose':'specified'}", "effect.missing_property", "$.effect.get.filter.skus")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':1},'repeat':false,'maxApplications':2}", "effect.conflicting_properties", "$.effect.maxApplications")]
    [InlineData("{'type':'buy_x_get_y','buy':{'quantity':1,'filter':{}},'get':{'quantity':1}}", "effect.empty_filter", "$.effect.buy.filter")]
    [InlineData("{'type':'tiered','tiers':[]}", "effect.empty_tiers", "$.effect.tiers")]
    [InlineData("{'type':'tiered','tiers':{}}", "effect.invalid_value", "$.effect.tiers")]
    [InlineData("{'type':'tiered','basis':'weight','tiers':[{'threshold':5,'percentOff':5}]}", "effect.unknown_value", "$.effect.basis")]
    [InlineData("{'type':'tiered','tiers':[{'threshold':50,'percentOff':5},{'threshold':50,'amountOff':15}]}", "effect.tiers_not_increasing", "$.effect.tiers[1].threshold")]
    [InlineData("{'type':'tiered','tiers':[{'threshold':0,'percentOff':5}]}", "effect.out_of_range", "$.effect.tiers[0].threshold")]
    [InlineData("{'type':'tiered','basis':'quantity','tiers':[{'threshold':1.5,'percentOff':5}]}", "effect.out_of_range", "$.effect.tiers[0].threshold")]
    [InlineData("{'type':'tiered','tiers':[{'threshold':50}]}", "effect.missing_property", "$.effect.tiers[0].percentOff")]
    [InlineData("{'type':'tiered','tiers':[{'threshold':50,'percentOff':5,'amountOff':5}]}", "effect.conflicting_properties", "$.effect.tiers[0].amountOff")]
    [InlineData("{'type':'tiered','tiers':[{'threshold':50,'percentOff':500}]}", "effect.out_of_range", "$.effect.tiers[0].percentOff")]
    [InlineData("{'type':'tiered','tiers':[5]}", "effect.invalid_value", "$.effect.tiers[0]")]
    [InlineData("{'type':'free_shipping','maxDiscount':0}", "effect.out_of_range", "$.effect.maxDiscount")]
    [InlineData("{'type':'free_shipping','excludeAlreadyDiscounted':true}", "effect.unknown_property", "$.effect.excludeAlreadyDiscounted")]
    [InlineData("{'type':'free_gift','value':5}", "effect.missing_property", "$.effect.sku")]
    [InlineData("{'type':'free_gift','sku':'G','value':-5}", "effect.out_of_range", "$.effect.value")]
    [InlineData("{'type':'free_gift','sku':'G','value':5,'quantity':0}", "effect.out_of_range", "$.effect.quantity")]
    [InlineData("{'type':'free_gift','sku':'','value':5}", "effect.invalid_value", "$.effect.sku")]
    public void Parse_WhenInvalid_ReturnsCodeAtPath(string json, string code, string path)
    {
        var result = EffectParser.Parse(Build.Json(json), "$.effect");

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Code == code && e.Path == path);
        Assert.All(result.Errors, e => Assert.StartsWith("$.effect", e.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenSeveralMistakes_ReportsEachOne()
    {
        var result = EffectParser.Parse(Build.Json("{'type':'fixed_price','quantity':0,'price':-1,'colour':'red'}"), "$.effect");

        Assert.Equal(
            ["$.effect.colour", "$.effect.price", "$.effect.quantity"],
            result.Errors.Select(e => e.Path!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_UsesDollarAsDefaultPath()
    {
        var error = Assert.Single(EffectParser.Parse(Build.Json("{'type':'amount_off'}")).Errors);
        Assert.Equal("$.amount", error.Path);
    }

    [Fact]
    public void ErrorCodes_AreUniqueAndPrefixed()
    {
        var codes = typeof(EffectErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.All(codes, c => Assert.StartsWith("effect.", c, StringComparison.Ordinal));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
