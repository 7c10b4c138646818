namespace Promotions.Domain.Discounts.Parsing;

/// <summary>Builds JSON paths for error reports: <c>$.a.b[1]</c>, with bracket notation for odd names.</summary>
internal static class JsonPaths
{
    public static string Property(string parent, string name) =>
        IsPlain(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
