namespace Promotions.Domain.Assets;

/// <summary>Which strings can be asset ids: those <c>Ids.New</c> makes. Anything else (a path, "..") names no asset.</summary>
public static class AssetIds
{
    public static bool IsWellFormed(string? id) =>
        id is { Length: > 0 and <= 128 } && id.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
