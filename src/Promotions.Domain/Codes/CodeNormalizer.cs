using System.Diagnostics.CodeAnalysis;
using Promotions.Domain.Common;

namespace Promotions.Domain.Codes;

/// <summary>
/// Turns a code as typed into its stored form: upper-case, without spaces, dashes and underscores, so
/// <c>summer 1234-abcd</c> and <c>SUMMER1234ABCD</c> are the same code.
/// </summary>
public static class CodeNormalizer
{
    /// <summary>The normalized form of <paramref name="input"/>, without checking which characters remain.</summary>
    public static string Normalize(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kept = 0;
        foreach (var c in input)
        {
            kept += IsIgnored(c) ? 0 : 1;
        }

        return string.Create(kept, input, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!IsIgnored(c))
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });
    }

    /// <summary>
    /// Normalizes <paramref name="input"/> and accepts it only if something is left and every remaining
    /// character is a letter A–Z or a digit 0–9, the characters any code, generated or imported, is made of.
    /// </summary>
    public static bool TryNormalize(
        string input, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out DomainError? error)
    {
        normalized = Normalize(input);
        error = null;
        if (normalized.Length == 0)
        {
            error = new DomainError(CodeErrors.CodeRequired, "Enter a code.", CodeFormat.CodePath);
        }
        else if (normalized.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c)) is var bad && bad != default)
        {
            error = new DomainError(CodeErrors.InvalidCharacter,
                $"'{bad}' cannot be part of a code; codes use only the letters A–Z and the digits 0–9.", CodeFormat.CodePath);
        }

        if (error is not null)
        {
            normalized = null;
            return false;
        }

        return true;
    }

    private static bool IsIgnored(char c) => c is '-' or '_' || char.IsWhiteSpace(c);
}
