using System.Collections.Frozen;

namespace Promotions.Domain.Assets;

/// <summary>Which content types an asset may have, and how large each kind may be.</summary>
public static class AssetPolicy
{
    /// <summary>Allowed content types and their size limits in bytes.</summary>
    public static FrozenDictionary<string, long> Limits { get; } = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = 10L * 1024 * 1024,
        ["image/jpeg"] = 10L * 1024 * 1024,
        ["image/gif"] = 10L * 1024 * 1024,
        ["image/webp"] = 10L * 1024 * 1024,
        ["video/mp4"] = 200L * 1024 * 1024,
        ["video/webm"] = 200L * 1024 * 1024,
        ["application/pdf"] = 25L * 1024 * 1024,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The size limit of <paramref name="contentType"/>, or null when the type is not allowed.</summary>
    public static long? MaxSize(string? contentType) =>
        contentType is not null && Limits.TryGetValue(contentType, out var max) ? max : null;
}
