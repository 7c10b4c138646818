namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// A candidate's place in the input with what decides most rank comparisons: the priority and the first eight
/// UTF-16 characters of the id packed big-endian (missing ones as zero), which order as ordinal comparison
/// does; equal packs fall back to comparing the candidates themselves.
/// </summary>
internal readonly record struct RankKey(int Priority, ulong Head, ulong Next, int Index)
{
    public static RankKey Of(QuoteCandidate candidate, int index)
    {
        var id = candidate.PromotionId;
        return new RankKey(candidate.Priority, Pack(id, 0), Pack(id, 4), index);
    }

    public static int Compare(in RankKey a, in RankKey b, IReadOnlyList<QuoteCandidate> input)
    {
        var c = b.Priority.CompareTo(a.Priority);
        if (c == 0)
        {
            c = a.Head.CompareTo(b.Head);
        }

        if (c == 0)
        {
            c = a.Next.CompareTo(b.Next);
        }

        return c != 0 ? c : CandidateRanking.Compare(input[a.Index], input[b.Index]);
    }

    private static ulong Pack(string id, int from)
    {
        var packed = 0UL;
        for (var i = from; i < from + 4; i++)
        {
            packed = (packed << 16) | (i < id.Length ? id[i] : 0UL);
        }

        return packed;
    }
}
