using System.Security.Cryptography;
using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

public sealed class UniformityTests
{
    private const int Draws = 1_000_000;

    [Fact]
    public void Generate_DrawsEveryCharsetSymbolEquallyOften()
    {
        var spec = CodeSpecs.Of(length: 10, check: false); // 28 symbols: 256 % 28 = 4, so a modulo would show
        var counts = new long[spec.Charset.Length];
        foreach (var code in CodeSpecs.Drain(CodeSpecs.Start(new CodeGenerator(), spec, Draws / 10)))
        {
            foreach (var c in code)
            {
                counts[spec.Charset.IndexOf(c, StringComparison.Ordinal)]++;
            }
        }

        Assert.InRange(ChiSquare(counts), 0, Threshold(counts.Length));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(36)]
    public void RandomIndexSource_IsUniform(int n)
    {
        var source = new RandomIndexSource();
        var counts = new long[n];
        for (var i = 0; i < Draws; i++)
        {
            counts[source.Next(n)]++;
        }

        Assert.InRange(ChiSquare(counts), 0, Threshold(n));
    }

    [Fact]
    public void ChiSquare_DetectsModuloBias()
    {
        // The naive sampler the generator must not be: byte % 28 draws 0–3 with 10/256, the rest with 9/256.
        var bytes = RandomNumberGenerator.GetBytes(Draws);
        var counts = new long[28];
        foreach (var b in bytes)
        {
            counts[b % 28]++;
        }

        Assert.True(ChiSquare(counts) > Threshold(28), $"χ² = {ChiSquare(counts):0} should exceed {Threshold(28):0}");
    }

    private static double ChiSquare(long[] counts)
    {
        var expected = (double)counts.Sum() / counts.Length;
        return counts.Sum(o => (o - expected) * (o - expected) / expected);
    }

    // χ² has mean df and standard deviation sqrt(2·df): ten deviations above the mean leaves a fair
    // sampler a chance well under one in a billion of failing, while the bias above scores about 1,400.
    private static double Threshold(int bins) => (bins - 1) + (10 * Math.Sqrt(2.0 * (bins - 1)));
}
