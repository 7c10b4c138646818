using System.Text;
using Promotions.Domain.Common;

namespace Promotions.Domain.Codes;

/// <summary>
/// Checks an entered code against the spec of its batch before any store is asked, and renders stored
/// codes for display.
/// </summary>
public static class CodeFormat
{
    /// <summary>The JSON path input-code errors are reported on.</summary>
    public const string CodePath = "$.code";

    /// <summary>
    /// Normalizes <paramref name="input"/> and checks it fits <paramref name="spec"/>: its length, its fixed
    /// characters, the charset of each random character and, if the spec has one, the check character.
    /// Returns the normalized code, the form codes are stored and looked up in.
    /// </summary>
    public static Result<string> Validate(string input, CodeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!CodeNormalizer.TryNormalize(input, out var code, out var error))
        {
            return error;
        }

        if (code.Length != spec.CodeLength)
        {
            return Mismatch($"A code of this kind has {spec.CodeLength} characters (not counting separators); this one has {code.Length}.");
        }

        var slots = spec.Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            if (slot.Kind == CodeSlotKind.Literal && code[i] != slot.Literal)
            {
                return Mismatch($"Character {i + 1} of the code should be '{slot.Literal}', not '{code[i]}'.");
            }

            if (slot.Kind != CodeSlotKind.Literal && !slot.Class!.Contains(code[i]))
            {
                return new DomainError(CodeErrors.InvalidCharacter,
                    $"Character {i + 1} of the code, '{code[i]}', is not one that codes of this kind use there.", CodePath);
            }
        }

        return HasValidCheckCharacter(code, spec)
            ? code
            : new DomainError(CodeErrors.CheckFailed, "The code was mistyped: it is not a valid code. Check each character.", CodePath);
    }

    /// <summary>
    /// Whether the check character of <paramref name="normalizedCode"/> matches its random characters;
    /// true for specs without a check character. It assumes the code fits the spec's layout, as
    /// <see cref="Validate"/> checks first.
    /// </summary>
    public static bool HasValidCheckCharacter(string normalizedCode, CodeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(normalizedCode);
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.HasCheckCharacter)
        {
            return true;
        }

        if (normalizedCode.Length != spec.CodeLength)
        {
            return false;
        }

        // Fixed characters are outside the check; the random ones and the check character form its chain.
        Span<char> chain = stackalloc char[spec.CodeLength];
        var length = 0;
        var slots = spec.Slots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i].Kind != CodeSlotKind.Literal)
            {
                chain[length++] = normalizedCode[i];
            }
        }

        return CheckCharacter.IsValid(chain[..length], spec.Charset);
    }

    /// <summary>
    /// The display form of a stored code: the pattern's separators put back, e.g. <c>SUMMER2345ACDEK</c>
    /// → <c>SUMMER-2345-ACDEK</c>. A code that does not fit the spec's length is returned unchanged.
    /// </summary>
    public static string ToDisplay(string normalizedCode, CodeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(normalizedCode);
        ArgumentNullException.ThrowIfNull(spec);
        if (normalizedCode.Length != spec.CodeLength)
        {
            return normalizedCode;
        }

        var pattern = spec.Pattern;
        var lastRandom = pattern.LastIndexOfAny(['#', '?', '*']);
        var display = new StringBuilder(pattern.Length + 1);
        var next = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            display.Append(CodeSpecParser.IsSeparator(pattern[i]) ? pattern[i] : normalizedCode[next++]);
            if (i == lastRandom && spec.HasCheckCharacter)
            {
                display.Append(normalizedCode[next++]);
            }
        }

        return display.ToString();
    }

    private static Result<string> Mismatch(string message) => new DomainError(CodeErrors.PatternMismatch, message, CodePath);
}
