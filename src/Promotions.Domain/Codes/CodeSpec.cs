using System.Numerics;
using Promotions.Domain.Common;

namespace Promotions.Domain.Codes;

/// <summary>
/// A validated description of a batch of codes: the pattern (fixed characters, separators and
/// placeholders), the charset the placeholders draw from, and whether a check character is appended.
/// </summary>
/// <remarks>
/// Pattern syntax: <c>#</c> is a digit of the charset, <c>?</c> a letter of the charset, <c>*</c> any
/// charset symbol; <c>-</c>, <c>_</c> and space are display separators (not part of the stored code);
/// letters and digits stand for themselves. No escaping exists or is needed: the placeholders can never
/// be part of a code. With a check character it follows the last placeholder.
/// </remarks>
public sealed class CodeSpec
{
    /// <summary>
    /// The default charset: digits 2–9 and the letters without I, L, O (read as 1 and 0) and B, S, Z
    /// (read as 8, 5 and 2): 28 symbols, 4.81 bits each.
    /// </summary>
    public const string DefaultCharset = "23456789ACDEFGHJKMNPQRTUVWXY";

    /// <summary>The most placeholders a pattern may hold.</summary>
    public const int MaxRandomLength = 32;

    /// <summary>The longest pattern, separators included.</summary>
    public const int MaxPatternLength = 64;

    private readonly CodeSlot[] _slots;

    internal CodeSpec(string pattern, string charset, bool hasCheckCharacter, CodeSlot[] slots)
    {
        Pattern = pattern;
        Charset = charset;
        HasCheckCharacter = hasCheckCharacter;
        _slots = slots;
        Alphabet = new CharClass(charset, charset);
        Check = hasCheckCharacter ? CheckQuasigroup.For(charset.Length) : null;
        var space = BigInteger.One;
        foreach (var slot in slots)
        {
            if (slot.Kind == CodeSlotKind.Random)
            {
                space *= slot.Class!.Size;
                RandomLength++;
            }
        }

        SpaceSize = space;
        EntropyBits = BigInteger.Log(space, 2);
    }

    /// <summary>The pattern, upper-cased, with any prefix and suffix folded in (a length spec becomes <c>*</c>s).</summary>
    public string Pattern { get; }

    /// <summary>The charset, in ordinal order (so the same set always yields the same check characters).</summary>
    public string Charset { get; }

    /// <summary>Whether codes of this spec end their random part with a check character; imported codes do not.</summary>
    public bool HasCheckCharacter { get; }

    /// <summary>How many random characters a code holds.</summary>
    public int RandomLength { get; }

    /// <summary>The length of a normalized (stored) code: fixed characters, random ones and the check character.</summary>
    public int CodeLength => _slots.Length;

    /// <summary>How many distinct codes the spec can produce.</summary>
    public BigInteger SpaceSize { get; }

    /// <summary>log2 of <see cref="SpaceSize"/>: the random bits of one code.</summary>
    public double EntropyBits { get; }

    internal ReadOnlySpan<CodeSlot> Slots => _slots;

    internal CharClass Alphabet { get; }

    internal CheckQuasigroup? Check { get; }

    /// <summary>
    /// Validates a spec given either as a <paramref name="pattern"/> or as a <paramref name="length"/>
    /// (that many <c>*</c>), with an optional <paramref name="prefix"/> and <paramref name="suffix"/> around
    /// it. Errors carry the JSON path of the field at fault: <c>$.pattern</c>, <c>$.length</c>,
    /// <c>$.charset</c>, <c>$.prefix</c>, <c>$.suffix</c>.
    /// </summary>
    public static Result<CodeSpec> Parse(
        string? pattern = null,
        int? length = null,
        string? charset = null,
        string? prefix = null,
        string? suffix = null,
        bool checkCharacter = true) =>
        CodeSpecParser.Parse(pattern, length, charset, prefix, suffix, checkCharacter);

    /// <inheritdoc/>
    public override string ToString() => $"{Pattern} [{Charset}]{(HasCheckCharacter ? " +check" : "")}";
}
