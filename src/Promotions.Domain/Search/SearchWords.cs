using System.Globalization;
using System.Text;

namespace Promotions.Domain.Search;

/// <summary>
/// What the text of a promotion search is made of, read the same way by every search adapter: words are runs of
/// letters, digits and combining marks (as SQLite's unicode61 tokenizer sees them); a query keeps at most
/// <see cref="MaxTerms"/> words of at most <see cref="MaxTermLength"/> characters and drops the operator words
/// <c>AND</c>, <c>OR</c>, <c>NOT</c>, <c>NEAR</c>, so no text can change a query's shape.
/// </summary>
public static class SearchWords
{
    /// <summary>Enough for any real search; a pasted essay must not become a query with thousands of terms.</summary>
    public const int MaxTerms = 16;

    public const int MaxTermLength = 64;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    /// <summary>Every word of indexed text, whole, in order.</summary>
    public static IEnumerable<string> Split(string? text) => Words(text, int.MaxValue);

    /// <summary>The words of a query, as typed (the caller folds or quotes them); empty when the text holds none.</summary>
    public static List<string> Query(string? text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text, MaxTermLength))
        {
            if (!Operators.Contains(word))
            {
                terms.Add(word);
                if (terms.Count == MaxTerms)
                {
                    break;
                }
            }
        }

        return terms;
    }

    /// <summary>Runs of word characters, each cut to <paramref name="maxRunes"/> runes (by runes, so never in half a surrogate pair).</summary>
    private static IEnumerable<string> Words(string? text, int maxRunes)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        var runes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                if (runes++ < maxRunes)
                {
                    word.Append(rune.ToString());
                }

                continue;
            }

            runes = 0;
            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
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
