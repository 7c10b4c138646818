using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Common;

namespace Promotions.Domain.Tests.Common;

public sealed class IdsAndCursorTests
{
    [Fact]
    public void New_SortsByCreationTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            ids.Add(Ids.New("cmp", clock));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.Matches("^cmp_[0-9A-HJKMNP-TV-Z]{26}$", id));
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Fact]
    public void Cursor_RoundTrips()
    {
        var decoded = Cursor.Decode(Cursor.Encode("prm_01ABC"));
        Assert.True(decoded.IsSuccess);
        Assert.Equal("prm_01ABC", decoded.Value);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("dGhpcyBpcyBub3QgYSBjdXJzb3I")]
    [InlineData("djE6")]
    public void Cursor_WhenForged_ReturnsInvalidCursorOnCursorPath(string cursor)
    {
        var decoded = Cursor.Decode(cursor);
        var error = Assert.Single(decoded.Errors);
        Assert.Equal("invalid_cursor", error.Code);
        Assert.Equal("$.cursor", error.Path);
    }

    [Fact]
    public void Cursor_WhenAbsent_IsFirstPage()
    {
        Assert.Null(Cursor.Decode(null).Value);
        Assert.Null(Cursor.Decode("").Value);
    }
}
