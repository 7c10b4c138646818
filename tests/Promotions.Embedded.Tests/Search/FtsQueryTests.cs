using Promotions.Embedded.Search;

namespace Promotions.Embedded.Tests.Search;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("summer", "\"summer\"*")]
    [InlineData("  Summer   shoes ", "\"Summer\" \"shoes\"*")]
    [InlineData("name:summer", "\"name\" \"summer\"*")]
    [InlineData("\"summer\" OR NEAR(shoes)", "\"summer\" \"shoes\"*")]
    [InlineData("été-夏", "\"été\" \"夏\"*")]
    [InlineData("or and", "\"or\" \"and\"*")]
    public void From_QuotesEachWordAndPrefixesTheLast(string text, string expected)
    {
        Assert.Equal(expected, FtsQuery.From(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*\"():^-+")]
    [InlineData("AND OR NOT NEAR")]
    public void From_WithoutWords_ReturnsNull(string? text)
    {
        Assert.Null(FtsQuery.From(text));
    }

    [Fact]
    public void From_WithHugeText_BoundsTermsAndTermLength()
    {
        var query = FtsQuery.From(string.Concat(Enumerable.Repeat(new string('a', 500) + " ", 1_000)))!;

        Assert.Equal(16, query.Split(' ').Length);
        Assert.All(query.Split(' '), term => Assert.InRange(term.Length, 1, 64 + 3));
    }
}
