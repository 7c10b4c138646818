namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Sorts line indices with a struct comparer without boxing it: carts have a handful of lines, so an
/// insertion sort does; long carts go to the framework's sort. The comparers break every tie by line
/// index, so both give the same order.
/// </summary>
internal static class LineSort
{
    private const int InsertionLimit = 32;

    public static void Sort<TComparer>(Span<int> lines, TComparer comparer)
        where TComparer : struct, IComparer<int>
    {
        if (lines.Length > InsertionLimit)
        {
            lines.Sort(comparer);
            return;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            var j = i - 1;
            while (j >= 0 && comparer.Compare(lines[j], line) > 0)
            {
                lines[j + 1] = lines[j];
                j--;
            }

            lines[j + 1] = line;
        }
    }
}
