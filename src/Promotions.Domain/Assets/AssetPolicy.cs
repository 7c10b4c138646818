using System.Collections.Frozen;

namespace Promotions.Domain.Assets;

/// <summary>Which content types an asset may have, how large each kind may be, and how long its URLs live.</summary>
public static class AssetPolicy
{
    /// <summary>
    /// The largest body the one-call upload (<c>POST /admin/assets</c>) takes, in every mode. On AWS a request
    /// reaches the function as a base64 string inside a 6 MB invocation payload, which leaves about 4.5 MB of
    /// raw bytes; one limit for both modes keeps a script that works locally working when deployed.
    /// </summary>
    public const long DirectUploadLimit = 4L * 1024 * 1024;

    /// <summary>How long a presigned upload URL may be used (a request started before the end may finish after it).</summary>
    public static readonly TimeSpan UploadUrlLifetime = TimeSpan.FromMinutes(15);

    /// <summary>How long after its URL expires an upload session may still be completed; then it is dropped.</summary>
    public static readonly TimeSpan CompletionWindow = TimeSpan.FromHours(1);

    /// <summary>How long a presigned download URL handed out with an asset's metadata works.</summary>
    public static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromMinutes(10);

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

    /// <summary>The <c>Content-Disposition</c> an asset is served with: a download under its own file name.</summary>
    public static string ContentDisposition(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);

        // The quoted name is an ASCII fallback for old clients; filename* carries the exact UTF-8 name (RFC 6266).
        var ascii = new string([.. fileName.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_')]);
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
