using Microsoft.Net.Http.Headers;
using Promotions.AdminApi.Common;
using Promotions.Domain.Assets;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// The checks both ways of uploading share, each error with its path: an allowed content type, a file name that
/// names no path, and campaign and promotion ids that exist.
/// </summary>
internal static class AssetInput
{
    private const int FileNameMax = 255;

    /// <summary>The media type of <paramref name="value"/> in lower case (parameters dropped), or null.</summary>
    public static string? MediaType(string? value) =>
        MediaTypeHeaderValue.TryParse(value, out var media) && media.MediaType.HasValue ? media.MediaType.Value!.ToLowerInvariant() : null;

    /// <summary>The size limit of the type, or null with the error added.</summary>
    public static long? Type(FieldChecks checks, string? contentType, string path)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (AssetPolicy.MaxSize(contentType) is { } max)
        {
            return max;
        }

        checks.Add("unsupported_media_type", $"Allowed content types: {string.Join(", ", AssetPolicy.Limits.Keys)}.", path);
        return null;
    }

    public static string FileName(FieldChecks checks, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var name = checks.Required(fileName, "$.fileName", FileNameMax);
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl))
        {
            checks.Add("invalid_file_name", "A file name holds no path separators or control characters.", "$.fileName");
        }

        return name;
    }

    public static async Task ReferencesAsync(
        FieldChecks checks, string? campaignId, string? promotionId, ICampaignStore campaigns, IPromotionStore promotions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(promotions);
        await checks.ReferenceAsync(campaignId, "$.campaignId", "campaign", campaigns.GetAsync, ct);
        await checks.ReferenceAsync(promotionId, "$.promotionId", "promotion", promotions.GetAsync, ct);
    }

    public static string TooLarge(string contentType, long maxSize) => $"A {contentType} asset may be at most {maxSize:N0} bytes.";
}
