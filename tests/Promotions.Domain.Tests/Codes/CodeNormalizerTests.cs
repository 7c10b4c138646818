using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

public sealed class CodeNormalizerTests
{
    [Theory]
    [InlineData("summer 1234-abcd", "SUMMER1234ABCD")]
    [InlineData("SUMMER1234ABCD", "SUMMER1234ABCD")]
    [InlineData("  a_b-c  ", "ABC")]
    [InlineData("\tx y\n", "XY")]
    [InlineData("--__", "")]
    public void Normalize_UpperCasesAndStripsSeparators(string input, string expected)
    {
        Assert.Equal(expected, CodeNormalizer.Normalize(input));
    }

    [Fact]
    public void TryNormalize_WhenCodeIsClean_ReturnsNormalized()
    {
        Assert.True(CodeNormalizer.TryNormalize("summer 1234-abcd", out var normalized, out var error));
        Assert.Equal("SUMMER1234ABCD", normalized);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(" - _ ", "codes.code_required")]
    [InlineData("ABC!", "codes.invalid_character")]
    [InlineData("äbc", "codes.invalid_character")]
    [InlineData("AB.CD", "codes.invalid_character")]
    public void TryNormalize_WhenInputCannotBeACode_ReportsError(string input, string code)
    {
        Assert.False(CodeNormalizer.TryNormalize(input, out var normalized, out var error));
        Assert.Null(normalized);
        Assert.Equal(code, error.Code);
        Assert.Equal("$.code", error.Path);
    }
}
