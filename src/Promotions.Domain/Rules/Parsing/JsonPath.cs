namespace Promotions.Domain.Rules.Parsing;

/// <summary>Builds the JSON paths that errors and explanations report (<c>$.all[2].value</c>).</summary>
internal static class JsonPath
{
    public static string Property(string parent, string name) =>
        IsIdentifier(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsIdentifier(string name)
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
