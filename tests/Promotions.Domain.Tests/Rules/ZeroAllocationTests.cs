using Promotions.Domain.Rules;
using static Promotions.Domain.Tests.Rules.RuleFixtures;

namespace Promotions.Domain.Tests.Rules;

/// <summary>Correctness checks of the zero-allocation promise of the warm path, not timings.</summary>
public sealed class ZeroAllocationTests
{
    private const int Evaluations = 10_000;

    [Fact]
    public void Evaluate_WhenWarm_AllocatesNothingForAFiveConditionRule()
    {
        var rule = Compile("""
            {'all':[
              {'fact':'customer.attributes.loyalty.level','op':'in','value':['silver','gold']},
              {'fact':'customer.segments','op':'contains','value':'vip'},
              {'fact':'cart.subtotal','op':'gte','value':50},
              {'fact':'channel','op':'eq','value':'web'},
              {'fact':'history.order_count','op':'gte','value':2}
            ]}
            """);

        AssertNoAllocation(rule, Context(), expected: true);
    }

    [Fact]
    public void Evaluate_WhenWarm_AllocatesNothingForParameterisedAndTimeFacts()
    {
        var rule = Compile("""
            {'any':[
              {'not':{'fact':'time.time_of_day','timeZone':'Europe/Paris','op':'between','value':['22:00','02:00']}},
              {'all':[
                {'fact':'time.day_of_week','timeZone':'Asia/Tokyo','op':'in','value':['saturday','sunday']},
                {'fact':'history.bought_skus','withinDays':30,'op':'contains_any','value':['SKU-9','SKU-1']},
                {'fact':'location.distance_km','from':{'lat':48.85,'lon':2.35},'op':'lt','value':10},
                {'fact':'cart.sku_quantity','sku':'SKU-1','op':'eq','value':2},
                {'fact':'customer.attributes.tags','op':'contains_all','value':['a','b']},
                {'fact':'customer.attributes.tier','op':'starts_with','value':'go'},
                {'fact':'time.date','op':'between','value':['2025-01-01','2025-12-31']}
              ]}
            ]}
            """);

        AssertNoAllocation(rule, Context(), expected: true);
    }

    [Fact]
    public void Evaluate_WhenContextPredatesCompilation_StillAllocatesNothing()
    {
        // The context's slot caches were sized before this rule interned its attribute path and zone.
        var context = Context();
        var rule = Compile("""
            {'all':[
              {'fact':'customer.attributes.never_seen_before_path','op':'exists','value':false},
              {'fact':'time.time_of_day','timeZone':'Pacific/Chatham','op':'exists','value':true}
            ]}
            """);

        AssertNoAllocation(rule, context, expected: true);
    }

    private static void AssertNoAllocation(CompiledCondition rule, EvaluationContext context, bool expected)
    {
        Assert.Equal(expected, rule.Evaluate(context));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var passed = 0;
        for (var i = 0; i < Evaluations; i++)
        {
            passed += rule.Evaluate(context) ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(expected ? Evaluations : 0, passed);
        Assert.Equal(0, allocated);
    }
}
