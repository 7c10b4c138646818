using System.Globalization;
using System.Text;

namespace Promotions.Embedded.Search;

/// <summary>
/// Turns what a user typed into an FTS5 query that cannot be a syntax error: the text is cut into words
/// (letters, digits and combining marks, as the unicode61 tokenizer sees them), FTS operator words are
/// dropped, each word is quoted, and the last one matches as a prefix, so "summ" finds "Summer".
/// </summary>
internal static class FtsQuery
{
    // Enough for any real search; a pasted essay must not become a query with thousands of terms.
    private const int MaxTerms = 16;
    private const int MaxTermLength = 64;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    /// <summary>The safe MATCH expression, or null when the text holds no word to search for.</summary>
    public static string? From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var terms = new List<string>();
        var word = new StringBuilder();
        var runes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                // Cut by runes, not chars, so a long word never ends in half a surrogate pair.
                if (runes++ < MaxTermLength)
                {
                    word.Append(rune.ToString());
                }

                continue;
            }

            runes = 0;
            if (!AddTerm(terms, word))
            {
                break;
            }
        }

        AddTerm(terms, word);
        if (terms.Count == 0)
        {
            return null;
        }

        // Every term is only letters, digits and marks, so wrapping it in quotes is always a valid string.
        return string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
    }

    /// <summary>Moves the pending word into the terms; false once there are enough terms.</summary>
    private static bool AddTerm(List<string> terms, StringBuilder word)
    {
        if (word.Length > 0)
        {
            var term = word.ToString();
            word.Clear();
            if (!Operators.Contains(term))
            {
                terms.Add(term);
            }
        }

        return terms.Count < MaxTerms;
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };
}
