namespace Promotions.Domain.Codes;

/// <summary>
/// The check character of generated codes: a Damm-style check over a charset, which rejects every
/// single-character substitution and every adjacent transposition without looking the code up.
/// </summary>
/// <remarks>
/// Luhn mod N is not used: it misses the transposition of the first and last symbols of the charset.
/// The check covers the random characters of a code only, never its fixed prefix, suffix or literals,
/// which a typo breaks anyway because they must match the pattern exactly.
/// </remarks>
public static class CheckCharacter
{
    /// <summary>Whether a check character exists for a charset of <paramref name="charsetSize"/> symbols.</summary>
    /// <remarks>Every size from 3 to 36 except 6, 14, 18, 22, 26, 30 and 34.</remarks>
    public static bool Supports(int charsetSize) => CheckQuasigroup.Supports(charsetSize);

    /// <summary>The check character of <paramref name="body"/>, whose characters all belong to <paramref name="charset"/>.</summary>
    public static char Compute(ReadOnlySpan<char> body, string charset)
    {
        ArgumentNullException.ThrowIfNull(charset);
        var interim = Interim(body, charset);
        return interim >= 0
            ? charset[CheckQuasigroup.For(charset.Length).Closer(interim)]
            : throw new ArgumentException("The body holds a character outside the charset.", nameof(body));
    }

    /// <summary>Whether the last character of <paramref name="bodyAndCheck"/> is the check character of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<char> bodyAndCheck, string charset)
    {
        ArgumentNullException.ThrowIfNull(charset);
        return bodyAndCheck.Length >= 2 && Interim(bodyAndCheck, charset) == 0;
    }

    // -1 when a symbol is outside the charset, which no valid interim (0..n-1) can be.
    private static int Interim(ReadOnlySpan<char> symbols, string charset)
    {
        var group = CheckQuasigroup.For(charset.Length);
        var interim = 0;
        foreach (var c in symbols)
        {
            var index = charset.IndexOf(c, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            interim = group.Step(interim, index);
        }

        return interim;
    }
}
