using Promotions.Domain.Search;

namespace Promotions.Embedded.Search;

/// <summary>
/// Turns what a user typed into an FTS5 query that cannot be a syntax error: the query words of
/// <see cref="SearchWords"/> (letters, digits and marks only, operator words dropped), each quoted, the last one
/// matching as a prefix, so "summ" finds "Summer".
/// </summary>
internal static class FtsQuery
{
    /// <summary>The safe MATCH expression, or null when the text holds no word to search for.</summary>
    public static string? From(string? text)
    {
        var terms = SearchWords.Query(text);
        if (terms.Count == 0)
        {
            return null;
        }

        // Every term is only letters, digits and marks, so wrapping it in quotes is always a valid string.
        return string.Join(' ', terms.Select((t, i) => i == terms.Count - 1 ? $"\"{t}\"*" : $"\"{t}\""));
    }
}
