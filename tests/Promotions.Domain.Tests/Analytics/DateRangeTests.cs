using Promotions.Domain.Analytics;

namespace Promotions.Domain.Tests.Analytics;

public sealed class DateRangeTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    [Fact]
    public void Parse_WhenNothingGiven_CoversTheLastThirtyDays()
    {
        var range = DateRange.Parse(null, null, Today).Value!;

        Assert.Equal(new DateRange(new DateOnly(2025, 6, 1), Today), range);
        Assert.Equal(30, range.Days);
    }

    [Theory]
    [InlineData("2025-02-30", "2025-03-01", "invalid_date", "$.from")]
    [InlineData("2025-03-01", "tomorrow", "invalid_date", "$.to")]
    [InlineData("2025-03-02", "2025-03-01", "invalid_range", "$.from")]
    [InlineData("2024-01-01", "2025-02-04", "range_too_long", "$.to")]
    public void Parse_WhenRangeIsBad_ReturnsErrorWithPath(string from, string to, string code, string path)
    {
        var result = DateRange.Parse(from, to, Today);

        var error = Assert.Single(result.Errors);
        Assert.Equal((code, path), (error.Code, error.Path));
    }

    [Fact]
    public void Parse_WhenRangeIsExactlyTheMaximum_Accepts()
    {
        var result = DateRange.Parse("2024-01-01", "2025-02-03", Today);

        Assert.True(result.IsSuccess);
        Assert.Equal(DateRange.MaxDays, result.Value.Days);
    }
}
