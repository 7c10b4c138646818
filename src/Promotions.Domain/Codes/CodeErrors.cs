namespace Promotions.Domain.Codes;

/// <summary>
/// The stable, machine-readable error codes of code specs, generation and code input. Clients switch on
/// these; the messages next to them are for people and may change.
/// </summary>
public static class CodeErrors
{
    /// <summary>Neither or both of a pattern and a length were given.</summary>
    public const string InvalidSpec = "codes.invalid_spec";

    /// <summary>The pattern, prefix or suffix holds a character it may not, or too few or too many placeholders.</summary>
    public const string InvalidPattern = "codes.invalid_pattern";

    /// <summary>The length of a length-based spec is out of range.</summary>
    public const string InvalidLength = "codes.invalid_length";

    /// <summary>The charset holds a character outside A–Z and 0–9, or one twice.</summary>
    public const string InvalidCharset = "codes.invalid_charset";

    /// <summary>The charset (or the digit or letter class a placeholder draws from) has fewer than two symbols.</summary>
    public const string CharsetTooSmall = "codes.charset_too_small";

    /// <summary>A check character was asked for, but no check over a charset of this size catches every typo.</summary>
    public const string CheckUnsupportedCharset = "codes.check_unsupported_charset";

    /// <summary>The number of codes to generate is below one or above the per-request maximum.</summary>
    public const string CountOutOfRange = "codes.count_out_of_range";

    /// <summary>The request would leave codes too easy to guess (see <see cref="EntropyPolicy"/>).</summary>
    public const string InsufficientEntropy = "codes.insufficient_entropy";

    /// <summary>Generation stopped because new codes could no longer be found: the space is nearly full.</summary>
    public const string SpaceExhausted = "codes.space_exhausted";

    /// <summary>An entered code is empty once spaces, dashes and underscores are removed.</summary>
    public const string CodeRequired = "codes.code_required";

    /// <summary>An entered code holds a character that no code of its kind can hold.</summary>
    public const string InvalidCharacter = "codes.invalid_character";

    /// <summary>An entered code has the wrong length or differs from its pattern's fixed characters.</summary>
    public const string PatternMismatch = "codes.pattern_mismatch";

    /// <summary>An entered code's check character is wrong: it was mistyped.</summary>
    public const string CheckFailed = "codes.check_failed";
}
