using Promotions.Domain.Rules;
using static Promotions.Domain.Tests.Rules.RuleFixtures;

namespace Promotions.Domain.Tests.Rules;

/// <summary>The clock reads Friday 2025-03-14 23:30 UTC, Saturday 00:30 in Paris, Saturday 08:30 in Tokyo.</summary>
public sealed class TimeFactTests
{
    [Theory]
    [InlineData("{'fact':'time.now','op':'gt','value':'2025-03-14T00:00:00Z'}", true)]
    [InlineData("{'fact':'time.now','op':'eq','value':'2025-03-15T00:30:00+01:00'}", true)]
    [InlineData("{'fact':'time.now','op':'between','value':['2025-03-14T23:00:00Z','2025-03-15T01:00:00+01:00']}", true)]
    [InlineData("{'fact':'time.now','op':'lt','value':'2025-03-14T23:29:59Z'}", false)]
    [InlineData("{'fact':'time.date','op':'eq','value':'2025-03-14'}", true)]
    [InlineData("{'fact':'time.date','timeZone':'Europe/Paris','op':'eq','value':'2025-03-15'}", true)]
    [InlineData("{'fact':'time.date','timeZone':'America/New_York','op':'between','value':['2025-03-01','2025-03-14']}", true)]
    [InlineData("{'fact':'time.date','op':'in','value':['2025-03-13','2025-03-15']}", false)]
    [InlineData("{'fact':'time.day_of_week','op':'eq','value':'friday'}", true)]
    [InlineData("{'fact':'time.day_of_week','timeZone':'Europe/Paris','op':'eq','value':'saturday'}", true)]
    [InlineData("{'fact':'time.day_of_week','timeZone':'Europe/Paris','op':'in','value':['saturday','sunday']}", true)]
    [InlineData("{'fact':'time.day_of_week','timeZone':'Europe/Paris','op':'not_in','value':['saturday','sunday']}", false)]
    [InlineData("{'fact':'time.time_of_day','op':'eq','value':'23:30'}", true)]
    [InlineData("{'fact':'time.time_of_day','op':'gte','value':'23:30'}", true)]
    [InlineData("{'fact':'time.time_of_day','op':'gt','value':'23:30'}", false)]
    [InlineData("{'fact':'time.time_of_day','timeZone':'Asia/Tokyo','op':'between','value':['08:00','09:00']}", true)]
    public void Evaluate_TimeFacts(string condition, bool expected) => Assert.Equal(expected, Evaluate(condition));

    [Theory]
    [InlineData("UTC", "22:00", "02:00", true)]
    [InlineData("Europe/Paris", "22:00", "02:00", true)]
    [InlineData("Europe/Paris", "01:00", "02:00", false)]
    [InlineData("Asia/Tokyo", "22:00", "02:00", false)]
    [InlineData("Europe/Paris", "00:30", "00:30", true)]
    [InlineData("UTC", "23:31", "23:29", false)]
    public void Evaluate_TimeOfDayBetween_WrapsMidnight(string zone, string from, string to, bool expected) =>
        Assert.Equal(expected, Evaluate($"{{'fact':'time.time_of_day','timeZone':'{zone}','op':'between','value':['{from}','{to}']}}"));

    [Fact]
    public void Evaluate_WhenDaylightSavingStarts_UsesTheNewOffset()
    {
        // 2025-03-30 01:30 UTC is 03:30 in Paris: the clocks went from 02:00 to 03:00 at 01:00 UTC.
        var context = EvaluationContextAt(new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero));
        Assert.True(Evaluate("{'fact':'time.time_of_day','timeZone':'Europe/Paris','op':'eq','value':'03:30'}", context));
    }

    [Fact]
    public void Parse_WhenTimeZoneIsIana_ResolvesWithInvariantGlobalization()
    {
        Assert.True(Parse("{'fact':'time.date','timeZone':'America/Sao_Paulo','op':'eq','value':'2025-01-01'}").IsSuccess);
    }

    private static EvaluationContext EvaluationContextAt(DateTimeOffset now) =>
        EvaluationContext.Create(Customer, Cart, "web", now);
}
