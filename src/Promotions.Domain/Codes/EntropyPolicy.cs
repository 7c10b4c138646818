using System.Globalization;
using System.Numerics;
using Promotions.Domain.Common;

namespace Promotions.Domain.Codes;

/// <summary>
/// How hard valid codes must be to guess. A guesser trying random codes of a spec must need, on average,
/// at least <see cref="MinGuessesPerCode"/> tries per valid code found —
/// <c>space / (existing + count) ≥ MinGuessesPerCode</c> — and every code must hold at least
/// <see cref="MinBits"/> random bits, however few codes there are.
/// </summary>
/// <remarks>
/// The check character adds nothing here: the scheme is public, so a guesser computes it. Defaults:
/// 1,000,000 guesses per code and 32 bits.
/// </remarks>
public sealed class EntropyPolicy
{
    /// <summary>Creates a policy; the defaults are those of <see cref="Default"/>.</summary>
    public EntropyPolicy(long minGuessesPerCode = 1_000_000, int minBits = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minGuessesPerCode, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minBits);
        MinGuessesPerCode = minGuessesPerCode;
        MinBits = minBits;
    }

    /// <summary>1,000,000 guesses per valid code and at least 32 random bits.</summary>
    public static EntropyPolicy Default { get; } = new();

    /// <summary>The fewest random guesses a guesser must need, on average, per valid code found.</summary>
    public long MinGuessesPerCode { get; }

    /// <summary>The fewest random bits a code of any spec may hold.</summary>
    public int MinBits { get; }

    /// <summary>
    /// How many more codes of <paramref name="spec"/> may be generated when <paramref name="existingCount"/>
    /// share its space already: <c>floor(space / MinGuessesPerCode) − existing</c>, 0 if the spec has
    /// fewer than <see cref="MinBits"/> bits.
    /// </summary>
    public long MaxCount(CodeSpec spec, long existingCount)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.SpaceSize < BigInteger.Pow(2, MinBits))
        {
            return 0;
        }

        var max = (spec.SpaceSize / MinGuessesPerCode) - existingCount;
        return max <= 0 ? 0 : max >= long.MaxValue ? long.MaxValue : (long)max;
    }

    /// <summary>
    /// Null when <paramref name="count"/> more codes keep the policy; otherwise a
    /// <see cref="CodeErrors.InsufficientEntropy"/> error giving the space, the count, the most allowed and
    /// how much longer the random part would have to be.
    /// </summary>
    public DomainError? Check(CodeSpec spec, long count, long existingCount)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.SpaceSize < BigInteger.Pow(2, MinBits))
        {
            return new DomainError(CodeErrors.InsufficientEntropy,
                $"Codes of {spec.Pattern} hold {spec.EntropyBits:0.#} random bits ({N(spec.SpaceSize)} possible codes); at least {MinBits} are required. {Advice(spec, 1)}",
                "$.pattern");
        }

        var max = MaxCount(spec, existingCount);
        return count <= max
            ? null
            : new DomainError(CodeErrors.InsufficientEntropy,
                $"{N(count)} codes (with {N(existingCount)} existing) in a space of {N(spec.SpaceSize)} would let a guesser find a valid code in fewer than {N(MinGuessesPerCode)} tries; at most {N(max)} can be generated. {Advice(spec, existingCount + count)}",
                "$.count");
    }

    private string Advice(CodeSpec spec, long total)
    {
        var symbols = spec.Charset.Length;
        var space = spec.SpaceSize;
        var extra = 0;
        while (space / total < MinGuessesPerCode || space < BigInteger.Pow(2, MinBits))
        {
            space *= symbols;
            extra++;
        }

        return $"Add {extra} random character(s) (each multiplies the space by {symbols}) or use a larger charset.";
    }

    private static string N(BigInteger value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
