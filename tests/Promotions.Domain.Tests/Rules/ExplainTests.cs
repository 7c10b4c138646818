using Promotions.Domain.Rules;
using static Promotions.Domain.Tests.Rules.RuleFixtures;

namespace Promotions.Domain.Tests.Rules;

public sealed class ExplainTests
{
    [Fact]
    public void Explain_WhenOneConditionFails_ReportsActualAndExpectedPerNode()
    {
        var explanation = Compile("{'all':[{'fact':'cart.subtotal','op':'gte','value':100},{'fact':'channel','op':'in','value':['web','email']}]}")
            .Explain(Context());

        Assert.Equal(("$", "all", false), (explanation.Path, explanation.Kind, explanation.Passed));
        Assert.Null(explanation.Fact);
        Assert.Equal(2, explanation.Children.Count);
        Assert.Equal(
            new ConditionExplanation("$.all[0]", "fact", "cart.subtotal", "gte", false, "70", "100", []),
            explanation.Children[0] with { Children = [] });
        var channel = explanation.Children[1];
        Assert.Equal(("channel", "in", true, "\"web\"", "[\"web\",\"email\"]"),
            (channel.Fact, channel.Operator, channel.Passed, channel.Actual, channel.Expected));
    }

    [Fact]
    public void Explain_WhenAttributeTypeMismatches_SaysWhy()
    {
        var explanation = Compile("{'fact':'customer.attributes.tier','op':'gte','value':3}").Explain(Context());
        Assert.False(explanation.Passed);
        Assert.StartsWith("\"gold\" (type mismatch: string", explanation.Actual, StringComparison.Ordinal);
        Assert.Equal("3", explanation.Expected);
    }

    [Fact]
    public void Explain_WhenFactMissing_ReportsMissing()
    {
        var explanation = Compile("{'fact':'cart.subtotal','op':'gte','value':3}").Explain(EmptyContext());
        Assert.Equal((false, "missing"), (explanation.Passed, explanation.Actual));
    }

    [Fact]
    public void Explain_OfNotAndAny_EvaluatesEveryChildAndInverts()
    {
        var explanation = Compile("{'not':{'any':[{'fact':'channel','op':'eq','value':'web'},{'fact':'customer.segments','op':'contains','value':'x'}]}}")
            .Explain(Context());

        Assert.Equal(("not", false), (explanation.Kind, explanation.Passed));
        var any = Assert.Single(explanation.Children);
        Assert.Equal(("$.not", "any", true), (any.Path, any.Kind, any.Passed));
        Assert.Equal([true, false], any.Children.Select(c => c.Passed));
        Assert.Equal("[\"newsletter\",\"vip\"]", any.Children[1].Actual);
    }

    [Theory]
    [InlineData("{'fact':'time.time_of_day','timeZone':'Europe/Paris','op':'lt','value':'09:00'}", "\"00:30\"", "\"09:00\"")]
    [InlineData("{'fact':'time.date','timeZone':'Europe/Paris','op':'eq','value':'2025-03-15'}", "\"2025-03-15\"", "\"2025-03-15\"")]
    [InlineData("{'fact':'time.day_of_week','op':'eq','value':'monday'}", "\"friday\"", "\"monday\"")]
    [InlineData("{'fact':'time.now','op':'lt','value':'2025-03-14T00:00:00Z'}", "\"2025-03-14T23:30:00Z\"", "\"2025-03-14T00:00:00Z\"")]
    [InlineData("{'fact':'history.bought_skus','withinDays':60,'op':'contains','value':'X'}", "[\"SKU-1\",\"SKU-2\"]", "\"X\"")]
    [InlineData("{'fact':'customer.first_order','op':'eq','value':true}", "false", "true")]
    [InlineData("{'fact':'customer.attributes.tags','op':'exists','value':true}", "[\"a\",\"b\"]", "true")]
    [InlineData("{'fact':'cart.subtotal','op':'between','value':[10,20.5]}", "70", "[10,20.5]")]
    [InlineData("{'fact':'history.days_since_last_order','op':'exists','value':false}", "10", "false")]
    public void Explain_RendersValuesAsJsonLiterals(string condition, string actual, string expected)
    {
        var explanation = Compile(condition).Explain(Context());
        Assert.Equal((actual, expected), (explanation.Actual, explanation.Expected));
    }
}
