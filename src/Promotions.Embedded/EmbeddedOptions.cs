namespace Promotions.Embedded;

/// <summary>Configuration of the embedded adapters (section <c>Embedded</c>).</summary>
public sealed class EmbeddedOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Embedded";

    /// <summary>
    /// Where the SQLite database file (<c>promotions.db</c>) and the <c>assets/</c> folder live; a relative
    /// path is resolved against the content root.
    /// </summary>
    public string DataDirectory { get; set; } = ".data";
}
