using System.Text;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Tests.Dynamo;

public sealed class KeyLimitsTests
{
    [Theory]
    [InlineData(2048, 1, true)]
    [InlineData(2049, 1, false)]
    [InlineData(1024, 2, true)]
    [InlineData(683, 3, false)]
    public void FitsPartitionKey_CountsUtf8Bytes(int count, int bytesPerChar, bool fits)
    {
        var one = bytesPerChar switch { 1 => "x", 2 => "é", _ => "夏" };

        Assert.Equal(fits, KeyLimits.FitsPartitionKey(string.Concat(Enumerable.Repeat(one, count))));
    }

    [Fact]
    public void SortKeyBound_OfAnOversizedCursor_FitsAndOrdersEveryShortKeyAsTheCursorDoes()
    {
        var cursor = "cmp_01" + string.Concat(Enumerable.Repeat("é夏🎉x", 400));
        string[] keys = ["cmp_00ZZ", "cmp_01", "cmp_01é", "cmp_01é夏🎉xé", "cmp_02", "cmp_01é夏🎉y", "d", "cmp_01é夏🎉", ""];

        var bound = KeyLimits.SortKeyBound(cursor)!;

        Assert.InRange(Encoding.UTF8.GetByteCount(bound), 1000, KeyLimits.SortKeyBytes);
        Assert.StartsWith(bound, cursor, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(bound[^1]));
        Assert.All(keys, key => Assert.Equal(Bytes(key, cursor) > 0, Bytes(key, bound) > 0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cmp_01JD3W5Q7X9G8K2M4N6P8R0T2V")]
    public void SortKeyBound_OfAnOrdinaryCursor_IsTheCursor(string? cursor)
    {
        Assert.Equal(cursor, KeyLimits.SortKeyBound(cursor));
    }

    // DynamoDB orders string keys by their UTF-8 bytes.
    private static int Bytes(string a, string b) => Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));
}
