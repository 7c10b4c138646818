using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

public sealed class CodeFormatTests
{
    private static readonly CodeSpec Summer = CodeSpecs.Of("SUMMER-####-????");

    [Fact]
    public void ToDisplay_PutsSeparatorsBackAndCheckAfterLastPlaceholder()
    {
        var code = "SUMMER2345ACDE" + CheckCharacter.Compute("2345ACDE", Summer.Charset);

        Assert.Equal("SUMMER-2345-ACDE" + code[^1], CodeFormat.ToDisplay(code, Summer));
        Assert.Equal("SUMMER-2345-ACDEK-EU", CodeFormat.ToDisplay("SUMMER2345ACDEKEU", CodeSpecs.Of("SUMMER-####-????-EU")));
    }

    [Fact]
    public void Validate_WhenDisplayFormIsTypedCarelessly_ReturnsStoredForm()
    {
        var code = CodeSpecs.Drain(CodeSpecs.Start(CodeSpecs.Unguarded, Summer, 50));

        Assert.All(code, c =>
        {
            var typed = CodeFormat.ToDisplay(c, Summer).ToLowerInvariant().Replace('-', ' ');
            Assert.Equal(c, CodeFormat.Validate(typed, Summer).Value);
        });
    }

    [Theory]
    [InlineData("SUMMER2345ACD", "codes.pattern_mismatch")]
    [InlineData("WINTER2345ACDEK", "codes.pattern_mismatch")]
    [InlineData("SUMMER23A5ACDEK", "codes.invalid_character")]
    [InlineData("SUMMER2345AC0EK", "codes.invalid_character")]
    [InlineData("SUMMER2345ACDE!", "codes.invalid_character")]
    [InlineData("", "codes.code_required")]
    public void Validate_WhenCodeDoesNotFitPattern_ReportsWhy(string input, string code)
    {
        var error = Assert.Single(CodeFormat.Validate(input, Summer).Errors);

        Assert.Equal(code, error.Code);
        Assert.Equal("$.code", error.Path);
    }

    [Fact]
    public void Validate_WhenCheckCharacterIsWrong_ReportsCheckFailed()
    {
        var check = CheckCharacter.Compute("2345ACDE", Summer.Charset);
        var wrong = Summer.Charset.First(c => c != check);

        var error = Assert.Single(CodeFormat.Validate("SUMMER2345ACDE" + wrong, Summer).Errors);

        Assert.Equal("codes.check_failed", error.Code);
        Assert.False(CodeFormat.HasValidCheckCharacter("SUMMER2345ACDE" + wrong, Summer));
    }

    [Fact]
    public void Validate_WhenSpecHasNoCheck_AcceptsAnyCodeFittingThePattern()
    {
        var imported = CodeSpecs.Of("SUMMER-####-????", check: false);

        Assert.Equal("SUMMER2345ACDE", CodeFormat.Validate("summer-2345-acde", imported).Value);
        Assert.True(CodeFormat.HasValidCheckCharacter("SUMMER2345ACDE", imported));
    }
}
