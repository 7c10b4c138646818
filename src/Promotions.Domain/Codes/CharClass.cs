namespace Promotions.Domain.Codes;

/// <summary>
/// The symbols one placeholder draws from (all of the charset, its digits or its letters), with each
/// symbol's index in the whole charset, which is what the check character is computed over.
/// </summary>
internal sealed class CharClass
{
    private readonly byte[] _charsetIndex;

    public CharClass(string symbols, string charset)
    {
        Symbols = symbols;
        _charsetIndex = new byte[symbols.Length];
        SampleMap = symbols.Length >= 2 ? RandomIndexSource.MapFor(symbols.Length) : [];
        for (var i = 0; i < symbols.Length; i++)
        {
            _charsetIndex[i] = (byte)charset.IndexOf(symbols[i], StringComparison.Ordinal);
        }
    }

    public string Symbols { get; }

    /// <summary>The sampling table of <see cref="RandomIndexSource"/> for this class's size.</summary>
    public byte[] SampleMap { get; }

    public int Size => Symbols.Length;

    public int CharsetIndex(int symbol) => _charsetIndex[symbol];

    public bool Contains(char c) => Symbols.Contains(c, StringComparison.Ordinal);
}
