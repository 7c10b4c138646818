namespace Promotions.AdminApi.Assets;

/// <summary>
/// Checks the first bytes of an upload against its declared type, so a script or an executable cannot be
/// stored (and later served) under an image content type.
/// </summary>
internal static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Matches"/> needs.</summary>
    public const int HeaderLength = 12;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ebml = [0x1A, 0x45, 0xDF, 0xA3];

    public static bool Matches(string contentType, ReadOnlySpan<byte> header) => contentType.ToLowerInvariant() switch
    {
        "image/png" => header.StartsWith(Png),
        "image/jpeg" => header.StartsWith(Jpeg),
        "image/gif" => header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8),
        "image/webp" => header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8),
        "video/mp4" => header.Length >= 8 && header[4..8].SequenceEqual("ftyp"u8),
        "video/webm" => header.StartsWith(Ebml),
        "application/pdf" => header.StartsWith("%PDF-"u8),
        _ => false,
    };
}
