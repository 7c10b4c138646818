using CsCheck;
using Promotions.Domain.Codes;

namespace Promotions.Domain.Tests.Codes;

public sealed class CheckCharacterTests
{
    private const string Symbols = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static TheoryData<int> SupportedSizes => [.. Enumerable.Range(2, 35).Where(CheckCharacter.Supports)];

    [Fact]
    public void Supports_EverySizeWithATotallyAntiSymmetricQuasigroup()
    {
        Assert.Equal([2, 6, 14, 18, 22, 26, 30, 34], Enumerable.Range(2, 35).Where(n => !CheckCharacter.Supports(n)));
    }

    [Theory]
    [MemberData(nameof(SupportedSizes))]
    public void Quasigroup_IsLatinSquareAndTotallyAntiSymmetric(int order)
    {
        // Exhaustive over the table: this is what makes every substitution and adjacent transposition of
        // every code, of any length, detectable.
        var group = CheckQuasigroup.For(order);
        for (var a = 0; a < order; a++)
        {
            Assert.Equal(order, Enumerable.Range(0, order).Select(b => group.Step(a, b)).Distinct().Count());
            Assert.Equal(order, Enumerable.Range(0, order).Select(b => group.Step(b, a)).Distinct().Count());
        }

        for (var c = 0; c < order; c++)
        {
            for (var x = 0; x < order; x++)
            {
                for (var y = x + 1; y < order; y++)
                {
                    Assert.NotEqual(group.Step(group.Step(c, x), y), group.Step(group.Step(c, y), x));
                }
            }
        }
    }

    [Fact]
    public void Check_RejectsEverySubstitutionAndAdjacentTransposition()
    {
        var gen =
            from size in Gen.OneOf(3, 4, 8, 10, 12, 20, 23, 28, 31, 32, 36)
            from length in Gen.Int[1, 16]
            from body in Gen.Int[0, size - 1].Array[length]
            select (Symbols[..size], new string([.. body.Select(i => Symbols[i])]));

        gen.Sample((charset, body) =>
        {
            var code = body + CheckCharacter.Compute(body, charset);
            if (!CheckCharacter.IsValid(code, charset))
            {
                return false;
            }

            foreach (var typo in Substitutions(code, charset).Concat(AdjacentTranspositions(code)))
            {
                if (CheckCharacter.IsValid(typo, charset))
                {
                    return false;
                }
            }

            return true;
        }, iter: 2_000);
    }

    [Fact]
    public void Validate_RejectsEveryTypoOfGeneratedPatternCodes()
    {
        var spec = CodeSpecs.Of(CodeSpecs.Rich);
        var codes = CodeSpecs.Drain(CodeSpecs.Start(new CodeGenerator(), spec, 200));

        Assert.All(codes, code =>
        {
            Assert.True(CodeFormat.Validate(code, spec).IsSuccess);
            foreach (var typo in Substitutions(code, Symbols).Concat(AdjacentTranspositions(code)))
            {
                Assert.False(CodeFormat.Validate(typo, spec).IsSuccess, $"{typo} (typo of {code}) was accepted");
            }
        });
    }

    [Fact]
    public void IsValid_WhenSymbolIsOutsideCharset_IsFalse()
    {
        Assert.False(CheckCharacter.IsValid("AB!", "ABC"));
        Assert.Throws<ArgumentException>(() => CheckCharacter.Compute("A!", "ABC"));
    }

    private static IEnumerable<string> Substitutions(string code, string charset)
    {
        for (var i = 0; i < code.Length; i++)
        {
            foreach (var c in charset.Where(c => c != code[i]))
            {
                yield return string.Concat(code.AsSpan(0, i), [c], code.AsSpan(i + 1));
            }
        }
    }

    private static IEnumerable<string> AdjacentTranspositions(string code)
    {
        for (var i = 0; i + 1 < code.Length; i++)
        {
            if (code[i] != code[i + 1])
            {
                var swapped = code.ToCharArray();
                (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                yield return new string(swapped);
            }
        }
    }
}
