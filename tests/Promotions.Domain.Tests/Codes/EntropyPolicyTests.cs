using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

public sealed class EntropyPolicyTests
{
    // 28^8 = 377,801,998,336 codes: at one valid code per 10^6 guesses, 377,801 codes.
    private static readonly CodeSpec Eight = CodeSpecs.Of(length: 8);

    [Fact]
    public void MaxCount_IsSpaceOverGuessesLessExisting()
    {
        Assert.Equal(377_801, EntropyPolicy.Default.MaxCount(Eight, 0));
        Assert.Equal(377_701, EntropyPolicy.Default.MaxCount(Eight, 100));
        Assert.Equal(0, EntropyPolicy.Default.MaxCount(Eight, 1_000_000));
    }

    [Fact]
    public void Generate_AtTheMaxCount_IsAccepted()
    {
        Assert.True(new CodeGenerator().Start(Eight, 377_801).IsSuccess);
        Assert.True(new CodeGenerator().Start(Eight, 377_701, existingCount: 100).IsSuccess);
    }

    [Fact]
    public void Generate_WhenCountLeavesTooLittleEntropy_Refuses()
    {
        var error = Assert.Single(new CodeGenerator().Start(Eight, 377_802).Errors);

        Assert.Equal(CodeErrors.InsufficientEntropy, error.Code);
        Assert.Equal("$.count", error.Path);
        Assert.Contains("377,801,998,336", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 377,801", error.Message, StringComparison.Ordinal);
        Assert.Contains("Add 1 random character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_WhenExistingCodesUseUpTheSpace_Refuses()
    {
        var error = Assert.Single(new CodeGenerator().Start(Eight, 1, existingCount: 377_801).Errors);

        Assert.Equal(CodeErrors.InsufficientEntropy, error.Code);
    }

    [Fact]
    public void Generate_WhenPatternHasTooFewBits_RefusesEvenOneCode()
    {
        var weak = CodeSpecs.Of("SUMMER-####-????"); // 29.3 bits

        var error = Assert.Single(new CodeGenerator().Start(weak, 1).Errors);

        Assert.Equal(CodeErrors.InsufficientEntropy, error.Code);
        Assert.Equal("$.pattern", error.Path);
        Assert.Contains("Add 1 random character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_IsConfigurable()
    {
        var lenient = new EntropyPolicy(minGuessesPerCode: 1_000, minBits: 20);

        Assert.Equal(377_801_998, lenient.MaxCount(Eight, 0));
        Assert.Null(lenient.Check(CodeSpecs.Of("SUMMER-####-????"), 655_360, 0));
        Assert.NotNull(lenient.Check(CodeSpecs.Of("SUMMER-####-????"), 655_361, 0));
    }
}
