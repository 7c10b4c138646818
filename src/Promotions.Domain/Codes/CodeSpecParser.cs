using Promotions.Domain.Common;

namespace Promotions.Domain.Codes;

/// <summary>Turns the fields of a code spec into a <see cref="CodeSpec"/>, reporting every field at fault.</summary>
internal static class CodeSpecParser
{
    private const string PatternPath = "$.pattern";
    private const string CharsetPath = "$.charset";

    public static Result<CodeSpec> Parse(
        string? pattern, int? length, string? charset, string? prefix, string? suffix, bool checkCharacter)
    {
        var errors = new List<DomainError>();
        var symbols = ParseCharset(charset ?? CodeSpec.DefaultCharset, errors);
        var body = BodyPattern(pattern, length, errors);
        RequireLiterals(prefix, "$.prefix", errors);
        RequireLiterals(suffix, "$.suffix", errors);
        if (errors.Count > 0 || symbols is null || body is null)
        {
            return Result<CodeSpec>.Fail(errors);
        }

        var full = (prefix + body + suffix).ToUpperInvariant();
        var placeholders = full.Count(IsPlaceholder);
        if (full.Length > CodeSpec.MaxPatternLength || placeholders > CodeSpec.MaxRandomLength)
        {
            return Fail(PatternPath, CodeErrors.InvalidPattern,
                $"A pattern may be at most {CodeSpec.MaxPatternLength} characters with at most {CodeSpec.MaxRandomLength} placeholders; this one has {full.Length} and {placeholders}.");
        }

        var all = new CharClass(symbols, symbols);
        var digits = new CharClass(new string([.. symbols.Where(char.IsAsciiDigit)]), symbols);
        var letters = new CharClass(new string([.. symbols.Where(char.IsAsciiLetter)]), symbols);
        RequireClass(full, '*', all, "symbols", errors);
        RequireClass(full, '#', digits, "digits", errors);
        RequireClass(full, '?', letters, "letters", errors);
        if (checkCharacter && !CheckCharacter.Supports(symbols.Length))
        {
            errors.Add(new DomainError(CodeErrors.CheckUnsupportedCharset,
                $"No check character catches every typo over {symbols.Length} symbols (sizes 6, 14, 18, 22, 26, 30 and 34 have none); add or remove one symbol, or turn the check character off.",
                CharsetPath));
        }

        return errors.Count > 0
            ? Result<CodeSpec>.Fail(errors)
            : new CodeSpec(full, symbols, checkCharacter, Slots(full, all, digits, letters, checkCharacter));
    }

    private static string? ParseCharset(string charset, List<DomainError> errors)
    {
        var upper = charset.ToUpperInvariant();
        var bad = upper.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c));
        if (bad != default)
        {
            errors.Add(new DomainError(CodeErrors.InvalidCharset,
                $"The charset holds '{bad}'; codes use only the letters A–Z and the digits 0–9.", CharsetPath));
            return null;
        }

        var twice = upper.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            // A repeated symbol would be drawn twice as often, and the check character needs distinct symbols.
            errors.Add(new DomainError(CodeErrors.InvalidCharset,
                $"The charset holds '{twice.Key}' more than once (letters are case-insensitive).", CharsetPath));
            return null;
        }

        if (upper.Length < 2)
        {
            errors.Add(new DomainError(CodeErrors.CharsetTooSmall,
                $"The charset has {upper.Length} symbol(s); at least 2 are needed.", CharsetPath));
            return null;
        }

        return new string([.. upper.Order()]);
    }

    private static string? BodyPattern(string? pattern, int? length, List<DomainError> errors)
    {
        if ((pattern is null) == (length is null))
        {
            errors.Add(new DomainError(CodeErrors.InvalidSpec, "Give either a pattern or a length, not both and not neither.", "$"));
            return null;
        }

        if (pattern is null)
        {
            var n = length!.Value;
            if (n is < 1 or > CodeSpec.MaxRandomLength)
            {
                errors.Add(new DomainError(CodeErrors.InvalidLength,
                    $"The length must be between 1 and {CodeSpec.MaxRandomLength}; it is {n}.", "$.length"));
                return null;
            }

            return new string('*', n);
        }

        var bad = pattern.Select((c, i) => (c, i)).FirstOrDefault(p => !IsPlaceholder(p.c) && !IsLiteral(p.c) && !IsSeparator(p.c));
        if (bad != default)
        {
            errors.Add(new DomainError(CodeErrors.InvalidPattern,
                $"The pattern holds '{bad.c}' at position {bad.i + 1}; use #, ?, *, letters, digits, '-', '_' or space.", PatternPath));
            return null;
        }

        if (!pattern.Any(IsPlaceholder))
        {
            errors.Add(new DomainError(CodeErrors.InvalidPattern,
                "The pattern has no placeholder (#, ? or *), so every code would be the same.", PatternPath));
            return null;
        }

        return pattern;
    }

    private static void RequireLiterals(string? affix, string path, List<DomainError> errors)
    {
        var bad = affix?.FirstOrDefault(c => !IsLiteral(c) && !IsSeparator(c)) ?? default;
        if (bad != default)
        {
            errors.Add(new DomainError(CodeErrors.InvalidPattern,
                $"'{bad}' cannot be part of a code; a prefix or suffix holds letters, digits, '-', '_' or space.", path));
        }
    }

    private static void RequireClass(string pattern, char placeholder, CharClass symbols, string what, List<DomainError> errors)
    {
        if (pattern.Contains(placeholder, StringComparison.Ordinal) && symbols.Size < 2)
        {
            errors.Add(new DomainError(CodeErrors.CharsetTooSmall,
                $"The pattern uses '{placeholder}' but the charset has {symbols.Size} {what}; at least 2 are needed.", CharsetPath));
        }
    }

    private static CodeSlot[] Slots(string pattern, CharClass all, CharClass digits, CharClass letters, bool check)
    {
        var slots = new List<CodeSlot>(pattern.Length + 1);
        var lastRandom = pattern.LastIndexOfAny(['#', '?', '*']);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (!IsSeparator(c))
            {
                var symbols = c switch { '#' => digits, '?' => letters, '*' => all, _ => null };
                slots.Add(new CodeSlot(symbols is null ? CodeSlotKind.Literal : CodeSlotKind.Random, c, symbols));
            }

            if (check && i == lastRandom)
            {
                slots.Add(new CodeSlot(CodeSlotKind.Check, default, all));
            }
        }

        return [.. slots];
    }

    private static Result<CodeSpec> Fail(string path, string code, string message) => new DomainError(code, message, path);

    private static bool IsPlaceholder(char c) => c is '#' or '?' or '*';

    private static bool IsLiteral(char c) => char.IsAsciiLetterOrDigit(c);

    internal static bool IsSeparator(char c) => c is '-' or '_' or ' ';
}
