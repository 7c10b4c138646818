using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

public sealed class CodeSpecTests
{
    [Fact]
    public void Parse_Pattern_CountsSpaceAndLength()
    {
        var spec = CodeSpecs.Of("summer-####-????");

        Assert.Equal("SUMMER-####-????", spec.Pattern);
        Assert.Equal(CodeSpec.DefaultCharset, spec.Charset);
        Assert.Equal(8, spec.RandomLength);
        Assert.Equal(6 + 8 + 1, spec.CodeLength);
        Assert.Equal(new System.Numerics.BigInteger(655_360_000), spec.SpaceSize); // 8^4 digits × 20^4 letters
        Assert.Equal(29.29, spec.EntropyBits, 2);
    }

    [Fact]
    public void Parse_LengthWithPrefixAndSuffix_BecomesStarPattern()
    {
        var spec = CodeSpec.Parse(length: 8, prefix: "Summer-", suffix: "-eu", checkCharacter: false).Value!;

        Assert.Equal("SUMMER-********-EU", spec.Pattern);
        Assert.Equal(6 + 8 + 2, spec.CodeLength);
        Assert.False(spec.HasCheckCharacter);
    }

    [Fact]
    public void Parse_Charset_IsUpperCasedAndSorted()
    {
        Assert.Equal("1479ACX", CodeSpecs.Of("*#?", charset: "xca9741").Charset);
    }

    [Fact]
    public void DefaultCharset_HasNoLookAlikes()
    {
        Assert.Equal(28, CodeSpec.DefaultCharset.Length);
        Assert.Empty(CodeSpec.DefaultCharset.Intersect("01OILBSZ"));
        Assert.True(CheckCharacter.Supports(CodeSpec.DefaultCharset.Length));
    }

    [Theory]
    [InlineData("AB-CD", null, null, null, null, "codes.invalid_pattern", "$.pattern")]
    [InlineData("AB.##", null, null, null, null, "codes.invalid_pattern", "$.pattern")]
    [InlineData("#################################", null, null, null, null, "codes.invalid_pattern", "$.pattern")]
    [InlineData(null, null, null, null, null, "codes.invalid_spec", "$")]
    [InlineData("##", 5, null, null, null, "codes.invalid_spec", "$")]
    [InlineData(null, 0, null, null, null, "codes.invalid_length", "$.length")]
    [InlineData(null, 33, null, null, null, "codes.invalid_length", "$.length")]
    [InlineData("##", null, "AB1!", null, null, "codes.invalid_charset", "$.charset")]
    [InlineData("##", null, "aA23", null, null, "codes.invalid_charset", "$.charset")]
    [InlineData("**", null, "A", null, null, "codes.charset_too_small", "$.charset")]
    [InlineData("##", null, "ABCDE", null, null, "codes.charset_too_small", "$.charset")]
    [InlineData("??", null, "23456", null, null, "codes.charset_too_small", "$.charset")]
    [InlineData("****", null, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", null, null, "codes.check_unsupported_charset", "$.charset")]
    [InlineData("****", null, null, "SUM.MER", null, "codes.invalid_pattern", "$.prefix")]
    [InlineData("****", null, null, null, "#", "codes.invalid_pattern", "$.suffix")]
    public void Parse_WhenFieldIsWrong_ReportsCodeOnItsPath(
        string? pattern, int? length, string? charset, string? prefix, string? suffix, string code, string path)
    {
        var parsed = CodeSpec.Parse(pattern, length, charset, prefix, suffix);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Parse_WhenSeveralFieldsAreWrong_ReportsEach()
    {
        var parsed = CodeSpec.Parse("AB.##", charset: "A!", prefix: "/");

        Assert.Equal(["$.charset", "$.pattern", "$.prefix"], parsed.Errors.Select(e => e.Path).Order());
    }

    [Fact]
    public void Parse_CharsetWithoutCheckSupport_IsAcceptedWhenCheckIsOff()
    {
        var spec = CodeSpecs.Of(length: 8, charset: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", check: false);

        Assert.Equal(8, spec.CodeLength);
    }
}
