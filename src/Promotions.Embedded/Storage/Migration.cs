namespace Promotions.Embedded.Storage;

/// <summary>One numbered schema change; once released, a migration is never edited, only followed by another.</summary>
internal sealed record Migration(int Number, string Name, string Sql);
