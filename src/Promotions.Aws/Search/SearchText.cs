using System.Globalization;
using System.Text;
using Promotions.Domain.Search;

namespace Promotions.Aws.Search;

/// <summary>
/// The words of <see cref="SearchWords"/> folded as the embedded search compares them (SQLite FTS5,
/// <c>unicode61 remove_diacritics 2</c>): without case, Latin letters without diacritics, combining marks dropped.
/// </summary>
internal static class SearchText
{
    /// <summary>The folded words of indexed text, in order.</summary>
    public static List<string> Tokens(string? text) => Folded(SearchWords.Split(text));

    /// <summary>The folded query terms (the last one a prefix), or an empty list when the text holds no word.</summary>
    public static List<string> Terms(string? text) => Folded(SearchWords.Query(text));

    private static List<string> Folded(IEnumerable<string> words) => [.. words.Select(Fold).Where(w => w.Length > 0)];

    private static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsBmp)
            {
                folded.Append(Diacritics.Strip((char)lower.Value));
            }
            else
            {
                folded.Append(lower.ToString());
            }
        }

        return folded.ToString();
    }
}
