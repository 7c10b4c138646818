using Promotions.Domain.Ports;

namespace Promotions.Aws.Search;

/// <summary>
/// The promotions' search documents, tokenized once per load, searched in process with the embedded search's
/// semantics: every query term must occur in the name or the description (the last one as a prefix), filters apply
/// as there, and matches rank by BM25 as SQLite FTS5 computes it (k1 = 1.2, b = 0.75, term frequencies weighted 4 in
/// the name and 1 in the description, the row's length over both columns, IDF over every indexed promotion), ties
/// by id.
/// </summary>
internal sealed class SearchIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double NameWeight = 4.0;
    private const double DescriptionWeight = 1.0;

    private readonly Entry[] _entries;
    private readonly double _averageLength;

    public SearchIndex(IEnumerable<SearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _entries = [.. documents
            .Select(d => new Entry(d, SearchText.Tokens(d.Name), SearchText.Tokens(d.Description)))
            .OrderBy(e => e.Document.Id, StringComparer.Ordinal)];
        _averageLength = _entries.Length == 0 ? 1 : Math.Max(1, _entries.Average(e => (double)e.Length));
    }

    public int Count => _entries.Length;

    /// <summary>The ids that pass the filters, in id order, after <paramref name="after"/>.</summary>
    public IEnumerable<string> Filtered(PromotionSearchQuery query, string? after) =>
        _entries.Where(e => (after is null || string.CompareOrdinal(e.Document.Id, after) > 0) && Passes(e.Document, query)).Select(e => e.Document.Id);

    /// <summary>The ids that pass the filters and match every term, best first.</summary>
    public IEnumerable<string> Ranked(PromotionSearchQuery query, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);

        // IDF counts matches over the whole index, as FTS5 does, not over what the filters keep.
        var idf = new double[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var last = t == terms.Count - 1;
            var rows = _entries.Count(e => e.Hits(terms[t], last) > 0);
            var value = Math.Log((_entries.Length - rows + 0.5) / (rows + 0.5));
            idf[t] = value > 0 ? value : 1e-6;
        }

        var scored = new List<(string Id, double Score)>();
        foreach (var entry in _entries)
        {
            if (!Passes(entry.Document, query))
            {
                continue;
            }

            var score = 0.0;
            var all = true;
            for (var t = 0; t < terms.Count && all; t++)
            {
                var last = t == terms.Count - 1;
                var frequency = (NameWeight * entry.NameHits(terms[t], last)) + (DescriptionWeight * entry.DescriptionHits(terms[t], last));
                all = frequency > 0;
                score += idf[t] * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * entry.Length / _averageLength))));
            }

            if (all)
            {
                scored.Add((entry.Document.Id, score));
            }
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id);
    }

    /// <summary>The filters; the date range keeps promotions whose window [start, end) meets [from, to], an open end meeting everything on its side.</summary>
    private static bool Passes(SearchDocument d, PromotionSearchQuery q) =>
        (q.Status is not { } status || d.Status == status)
        && (q.Kind is not { } kind || d.Kind == kind)
        && (q.CampaignId is not { } campaign || string.Equals(d.CampaignId, campaign, StringComparison.Ordinal))
        && (q.Channel is not { } channel || d.Channels.Contains(channel, StringComparer.Ordinal))
        && (q.ActiveFrom is not { } from || d.EndsAt is not { } end || end > from)
        && (q.ActiveTo is not { } to || d.StartsAt is not { } start || start <= to);

    private sealed record Entry(SearchDocument Document, List<string> Name, List<string> Description)
    {
        public int Length => Name.Count + Description.Count;

        public int Hits(string term, bool prefix) => NameHits(term, prefix) + DescriptionHits(term, prefix);

        public int NameHits(string term, bool prefix) => Count(Name, term, prefix);

        public int DescriptionHits(string term, bool prefix) => Count(Description, term, prefix);

        private static int Count(List<string> tokens, string term, bool prefix) =>
            tokens.Count(t => prefix ? t.StartsWith(term, StringComparison.Ordinal) : string.Equals(t, term, StringComparison.Ordinal));
    }
}
