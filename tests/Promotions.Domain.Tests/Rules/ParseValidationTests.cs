using Promotions.Domain.Rules;
using static Promotions.Domain.Tests.Rules.RuleFixtures;

namespace Promotions.Domain.Tests.Rules;

public sealed class ParseValidationTests
{
    [Fact]
    public void Parse_WhenFactUnknown_ReturnsErrorWithPath()
    {
        var error = SingleError("{'all':[{'fact':'cart.subtotal','op':'gt','value':1},{'fact':'cart.total','op':'eq','value':1}]}");
        Assert.Equal((RuleErrorCodes.UnknownFact, "$.all[1].fact"), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_WhenOperatorUnknownDeepInside_ReportsPathUnderCallerPrefix()
    {
        var error = SingleError(
            "{'any':[{'fact':'channel','op':'eq','value':'web'},{'fact':'channel','op':'equals','value':'web'}]}",
            "$.rules[0].condition");
        Assert.Equal((RuleErrorCodes.UnknownOperator, "$.rules[0].condition.any[1].op"), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_WhenSeveralNodesAreWrong_ReturnsEveryError()
    {
        var parsed = Parse("""
            {'all':[
              {'fact':'cart.subtotal','op':'starts_with','value':'1'},
              {'fact':'customer.segments','op':'contains_any','value':[]},
              {'any':[{'fact':'channel','op':'eq','value':'fax'}]},
              {'fact':'history.bought_skus','op':'contains','value':'x'}
            ]}
            """);
        Assert.Equal(
            [
                (RuleErrorCodes.OperatorNotApplicable, "$.all[0].op"),
                (RuleErrorCodes.EmptyList, "$.all[1].value"),
                (RuleErrorCodes.InvalidOperand, "$.all[2].any[0].value"),
                (RuleErrorCodes.MissingParameter, "$.all[3].withinDays"),
            ],
            parsed.Errors.Select(e => (e.Code, e.Path)));
    }

    [Theory]
    [InlineData("{'fact':'cart.subtotal','op':'gt','value':'abc'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'cart.subtotal','op':'in','value':[1,'x']}", "rule.invalid_operand", "$.value[1]")]
    [InlineData("{'fact':'cart.subtotal','op':'in','value':3}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'cart.subtotal','op':'eq','value':null}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'customer.first_order','op':'eq','value':'true'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'customer.segments','op':'contains','value':1}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'cart.subtotal','op':'exists','value':1}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'channel','op':'in','value':['web','fax']}", "rule.invalid_operand", "$.value[1]")]
    [InlineData("{'fact':'cart.currency','op':'eq','value':'eur'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'time.now','op':'gt','value':'2025-03-14T10:00:00'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'time.now','op':'gt','value':'14/03/2025'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'time.date','op':'eq','value':'2025-13-01'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'time.date','op':'eq','value':'2025-3-1'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'time.time_of_day','op':'lt','value':'25:00'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'time.time_of_day','op':'between','value':['9:00','10:00']}", "rule.invalid_operand", "$.value[0]")]
    [InlineData("{'fact':'time.day_of_week','op':'eq','value':'Monday'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'customer.attributes.age','op':'gt','value':'30'}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'customer.attributes.tags','op':'contains_any','value':[true]}", "rule.invalid_operand", "$.value[0]")]
    [InlineData("{'fact':'cart.subtotal','op':'in','value':[]}", "rule.empty_list", "$.value")]
    [InlineData("{'fact':'cart.subtotal','op':'not_in','value':[]}", "rule.empty_list", "$.value")]
    [InlineData("{'fact':'cart.skus','op':'contains_any','value':[]}", "rule.empty_list", "$.value")]
    [InlineData("{'fact':'cart.skus','op':'contains_all','value':[]}", "rule.empty_list", "$.value")]
    [InlineData("{'fact':'cart.subtotal','op':'between','value':[50,10]}", "rule.impossible_range", "$.value")]
    [InlineData("{'fact':'time.date','op':'between','value':['2025-02-01','2025-01-01']}", "rule.impossible_range", "$.value")]
    [InlineData("{'fact':'time.now','op':'between','value':['2025-02-01T00:00:00Z','2025-01-01T00:00:00Z']}", "rule.impossible_range", "$.value")]
    [InlineData("{'fact':'cart.subtotal','op':'between','value':[10]}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'cart.subtotal','op':'between','value':[1,2,3]}", "rule.invalid_operand", "$.value")]
    [InlineData("{'fact':'history.bought_skus','op':'contains','value':'x'}", "rule.missing_parameter", "$.withinDays")]
    [InlineData("{'fact':'history.bought_skus','withinDays':0,'op':'contains','value':'x'}", "rule.invalid_parameter", "$.withinDays")]
    [InlineData("{'fact':'history.bought_categories','withinDays':-3,'op':'contains','value':'x'}", "rule.invalid_parameter", "$.withinDays")]
    [InlineData("{'fact':'history.bought_skus','withinDays':1.5,'op':'contains','value':'x'}", "rule.invalid_parameter", "$.withinDays")]
    [InlineData("{'fact':'history.bought_skus','withinDays':'7','op':'contains','value':'x'}", "rule.invalid_parameter", "$.withinDays")]
    [InlineData("{'fact':'time.date','timeZone':'Mars/Olympus','op':'eq','value':'2025-01-01'}", "rule.invalid_parameter", "$.timeZone")]
    [InlineData("{'fact':'time.date','timeZone':'','op':'eq','value':'2025-01-01'}", "rule.invalid_parameter", "$.timeZone")]
    [InlineData("{'fact':'cart.sku_quantity','op':'gt','value':1}", "rule.missing_parameter", "$.sku")]
    [InlineData("{'fact':'cart.category_quantity','category':'','op':'gt','value':1}", "rule.invalid_parameter", "$.category")]
    [InlineData("{'fact':'location.distance_km','op':'lt','value':1}", "rule.missing_parameter", "$.from")]
    [InlineData("{'fact':'location.distance_km','from':{'lat':91,'lon':0},'op':'lt','value':1}", "rule.invalid_parameter", "$.from.lat")]
    [InlineData("{'fact':'location.distance_km','from':{'lat':0,'lon':-180.5},'op':'lt','value':1}", "rule.invalid_parameter", "$.from.lon")]
    [InlineData("{'fact':'location.distance_km','from':{'lat':0},'op':'lt','value':1}", "rule.missing_parameter", "$.from.lon")]
    [InlineData("{'fact':'location.distance_km','from':{'lat':0,'lon':0,'alt':3},'op':'lt','value':1}", "rule.unknown_property", "$.from.alt")]
    [InlineData("{'fact':'location.distance_km','from':[0,0],'op':'lt','value':1}", "rule.invalid_parameter", "$.from")]
    [InlineData("{'fact':'cart.subtotal','withinDays':3,'op':'gt','value':1}", "rule.unknown_property", "$.withinDays")]
    [InlineData("{'fact':'cart.subtotal','op':'gt','value':1,'note':'x'}", "rule.unknown_property", "$.note")]
    [InlineData("{'fact':'cart.subtotal','op':'gt','value':1,'my key':'x'}", "rule.unknown_property", "$['my key']")]
    [InlineData("{'all':[{'fact':'cart.subtotal','op':'gt','value':1}],'note':'x'}", "rule.unknown_property", "$.note")]
    [InlineData("{'all':[{'fact':'cart.subtotal','op':'gt','value':1}],'fact':'channel'}", "rule.ambiguous_node", "$")]
    [InlineData("{'all':[{'fact':'cart.subtotal','op':'gt','value':1}],'any':[{'fact':'cart.subtotal','op':'gt','value':1}]}", "rule.ambiguous_node", "$")]
    [InlineData("{'all':[]}", "rule.empty_group", "$.all")]
    [InlineData("{'any':{}}", "rule.invalid_group", "$.any")]
    [InlineData("{'not':[]}", "rule.invalid_node", "$.not")]
    [InlineData("{'all':[1]}", "rule.invalid_node", "$.all[0]")]
    [InlineData("[]", "rule.invalid_node", "$")]
    [InlineData("{}", "rule.missing_property", "$.fact")]
    [InlineData("{'fact':'cart.subtotal','op':'gt'}", "rule.missing_property", "$.value")]
    [InlineData("{'fact':'cart.subtotal','value':1}", "rule.missing_property", "$.op")]
    [InlineData("{'fact':1,'op':'gt','value':1}", "rule.invalid_property", "$.fact")]
    [InlineData("{'fact':'cart.subtotal','op':'gt','value':1,'value':2}", "rule.duplicate_property", "$.value")]
    [InlineData("{'fact':'customer.attributes.','op':'eq','value':1}", "rule.unknown_fact", "$.fact")]
    [InlineData("{'fact':'customer.attributes.a..b','op':'eq','value':1}", "rule.unknown_fact", "$.fact")]
    [InlineData("{'fact':'customer.segments','op':'gt','value':1}", "rule.op_not_applicable", "$.op")]
    [InlineData("{'fact':'time.day_of_week','op':'between','value':['monday','friday']}", "rule.op_not_applicable", "$.op")]
    [InlineData("{'fact':'customer.first_order','op':'in','value':[true]}", "rule.op_not_applicable", "$.op")]
    public void Parse_WhenInvalid_ReturnsErrorWithCodeAndPath(string condition, string code, string path)
    {
        var parsed = Parse(condition);
        Assert.False(parsed.IsSuccess);
        Assert.Contains((code, path), parsed.Errors.Select(e => (e.Code, e.Path)));
    }

    [Fact]
    public void Parse_WhenLeafMissesEveryProperty_ReportsEachOne()
    {
        var parsed = Parse("{}");
        Assert.Equal(["$.fact", "$.op", "$.value"], parsed.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_WhenTimeOfDayRangeIsReversed_AcceptsItAsWrappingMidnight() =>
        Assert.True(Parse("{'fact':'time.time_of_day','op':'between','value':['22:00','02:00']}").IsSuccess);

    [Fact]
    public void Parse_WhenNestingIsAtTheLimit_Succeeds() =>
        Assert.True(Parse(Nested(RuleLimits.MaxDepth - 1)).IsSuccess);

    [Fact]
    public void Parse_WhenNestingExceedsTheLimit_ReturnsTooDeepAtTheFirstNodeBeyond()
    {
        var error = SingleError(Nested(RuleLimits.MaxDepth));
        Assert.Equal(RuleErrorCodes.TooDeep, error.Code);
        Assert.Equal("$" + string.Concat(Enumerable.Repeat(".not", RuleLimits.MaxDepth)), error.Path);
    }

    [Fact]
    public void Parse_WhenNodeCountIsAtTheLimit_Succeeds() =>
        Assert.True(Parse(Wide(RuleLimits.MaxNodes - 1)).IsSuccess);

    [Fact]
    public void Parse_WhenNodeCountExceedsTheLimit_ReturnsTooLargeOnce()
    {
        var error = SingleError(Wide(RuleLimits.MaxNodes));
        Assert.Equal((RuleErrorCodes.TooLarge, $"$.any[{RuleLimits.MaxNodes - 1}]"), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_WhenStringIsTooLong_ReturnsStringTooLong()
    {
        var error = SingleError($"{{'fact':'customer.id','op':'in','value':['a','{new string('x', RuleLimits.MaxStringLength + 1)}']}}");
        Assert.Equal((RuleErrorCodes.StringTooLong, "$.value[1]"), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_WhenStringIsAtMaxLength_Succeeds() =>
        Assert.True(Parse($"{{'fact':'customer.id','op':'eq','value':'{new string('x', RuleLimits.MaxStringLength)}'}}").IsSuccess);

    [Fact]
    public void Parse_WhenListIsTooLong_ReturnsListTooLong()
    {
        var items = string.Join(",", Enumerable.Range(0, RuleLimits.MaxListItems + 1));
        var error = SingleError($"{{'fact':'cart.subtotal','op':'in','value':[{items}]}}");
        Assert.Equal((RuleErrorCodes.ListTooLong, "$.value"), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_WhenTextIsNotJson_ReturnsInvalidJsonAtPrefix()
    {
        var parsed = RuleLanguage.Parse("{\"fact\":", "$.rules[2].condition");
        var error = Assert.Single(parsed.Errors);
        Assert.Equal((RuleErrorCodes.InvalidJson, "$.rules[2].condition"), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_WhenValid_BuildsTypedTree()
    {
        var parsed = Parse("{'all':[{'fact':'history.bought_skus','withinDays':30,'op':'contains_any','value':['A','B']},{'not':{'fact':'time.time_of_day','timeZone':'Europe/Paris','op':'lt','value':'09:30'}}]}");
        var all = Assert.IsType<AllCondition>(parsed.Value);
        var bought = Assert.IsType<FactCondition>(all.Conditions[0]);
        Assert.Equal(("$.all[0]", "history.bought_skus", RuleOperator.ContainsAny, 30), (bought.Path, bought.Fact, bought.Operator, bought.Parameters.WithinDays));
        Assert.Equal(["A", "B"], Assert.IsType<ListOperand>(bought.Value).Items.Cast<StringOperand>().Select(s => s.Value));
        var not = Assert.IsType<NotCondition>(all.Conditions[1]);
        var time = Assert.IsType<FactCondition>(not.Inner);
        Assert.Equal(new TimeOfDayOperand(new TimeOnly(9, 30)), time.Value);
        Assert.Equal("Europe/Paris", time.Parameters.TimeZone);
    }

    /// <summary>A leaf under <paramref name="nots"/> negations: depth nots + 1.</summary>
    private static string Nested(int nots) =>
        string.Concat(Enumerable.Repeat("{'not':", nots)) + "{'fact':'channel','op':'eq','value':'web'}" + new string('}', nots);

    /// <summary>An "any" over <paramref name="leaves"/> leaves: leaves + 1 nodes.</summary>
    private static string Wide(int leaves) =>
        "{'any':[" + string.Join(",", Enumerable.Repeat("{'fact':'cart.subtotal','op':'gt','value':1}", leaves)) + "]}";
}
