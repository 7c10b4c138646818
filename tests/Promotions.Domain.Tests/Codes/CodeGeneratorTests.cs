using System.Text.RegularExpressions;
using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

public sealed class CodeGeneratorTests
{
    private static readonly CodeSpec Rich = CodeSpecs.Of(CodeSpecs.Rich);

    [Fact]
    public void Generate_200000Codes_AreUniqueMatchThePatternAndPassTheCheck()
    {
        var run = CodeSpecs.Start(new CodeGenerator(), Rich, 200_000);

        var codes = CodeSpecs.Drain(run);

        Assert.Equal(200_000, codes.Count);
        Assert.Equal(200_000, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Null(run.Error);
        Assert.Equal(0, run.Remaining);
        var letters = new string([.. CodeSpec.DefaultCharset.Where(char.IsAsciiLetter)]);
        var shape = new Regex($"^SUMMER[2-9]{{4}}[{letters}]{{4}}[{CodeSpec.DefaultCharset}]{{3}}$");
        Assert.All(codes, code =>
        {
            Assert.Matches(shape, code);
            Assert.True(CodeFormat.HasValidCheckCharacter(code, Rich));
        });
    }

    [Fact]
    public void Fill_HandsOutExactlyTheCountInCallerSizedBatches()
    {
        var run = CodeSpecs.Start(new CodeGenerator(), Rich, 1_000);
        var batch = new string[300];

        Assert.Equal([300, 300, 300, 100, 0], Enumerable.Range(0, 5).Select(_ => run.Fill(batch)));
        Assert.Equal(1_000, run.Generated);
    }

    [Fact]
    public void Generate_SkipsCodesTheStoreAlreadyHolds()
    {
        var spec = CodeSpecs.Of("##", charset: "23456789", check: false); // 64 codes in all
        var existing = CodeSpecs.Drain(CodeSpecs.Start(CodeSpecs.Unguarded, spec, 32)).ToHashSet();

        var codes = CodeSpecs.Drain(CodeSpecs.Start(CodeSpecs.Unguarded, spec, 16, existing.Contains));

        Assert.Equal(16, codes.Distinct().Count());
        Assert.DoesNotContain(codes, existing.Contains);
    }

    [Fact]
    public void Replace_HandsOutMoreCodesNeverSeenInTheRun()
    {
        var run = CodeSpecs.Start(new CodeGenerator(), Rich, 10);
        var first = CodeSpecs.Drain(run);

        run.Replace(3);
        var more = CodeSpecs.Drain(run);

        Assert.Equal(3, more.Count);
        Assert.Equal(13, first.Concat(more).Distinct().Count());
    }

    [Fact]
    public void Generate_WhenSpaceIsNearlyFull_StopsWithErrorInsteadOfLooping()
    {
        var spec = CodeSpecs.Of("##", charset: "23456789", check: false);
        var taken = CodeSpecs.Drain(CodeSpecs.Start(CodeSpecs.Unguarded, spec, 60)).ToHashSet();

        // The store knows 60 of the 64 codes but the caller did not count them: only 4 can be found.
        var run = CodeSpecs.Start(CodeSpecs.Unguarded, spec, 10, taken.Contains);
        var codes = CodeSpecs.Drain(run);

        Assert.True(codes.Count <= 4);
        Assert.Equal(CodeErrors.SpaceExhausted, run.Error?.Code);
        Assert.Equal(0, run.Remaining);
    }

    [Fact]
    public void Generate_WhenEveryCodeExists_StopsWithError()
    {
        var run = CodeSpecs.Start(new CodeGenerator(), Rich, 5, _ => true);

        Assert.Equal(0, run.Fill(new string[5]));
        Assert.Equal(CodeErrors.SpaceExhausted, run.Error?.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(CodeGenerator.MaxCount + 1)]
    public void Start_WhenCountIsOutOfRange_Refuses(int count)
    {
        var error = Assert.Single(new CodeGenerator().Start(Rich, count).Errors);

        Assert.Equal(CodeErrors.CountOutOfRange, error.Code);
        Assert.Equal("$.count", error.Path);
    }
}
