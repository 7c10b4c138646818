using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Promotions.AdminApi.Common;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// Images, videos and PDFs for campaigns: uploaded as the raw body with their real content type, checked for
/// type, size and magic bytes, hashed, and served back with sniffing disabled. The store is bound explicitly from
/// services, so an adapter set without an asset store refuses only these calls and the rest of the API still starts.
/// </summary>
internal static class AssetEndpoints
{
    private const string What = "asset";
    private const int FileNameMax = 255;

    public static void MapAssets(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/assets").WithTags("Assets");
        // The content type is checked by the handler rather than declared with Accepts: routing would refuse
        // a wrong type with a bare 415, without the problem code and the list of allowed types.
        group.MapPost("/", Upload).WithBodyLimit(AssetPolicy.Limits.Values.Max())
            .Describe(Policies.CatalogWrite, "UploadAsset", "Upload an image, video or PDF as the raw body (?fileName=&campaignId=).", 400, 413, 415);
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListAssets", "List asset metadata.", 400);
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetAsset", "Get an asset's metadata.", 404);
        group.MapGet("/{id}/content", Download).Describe(Policies.CatalogRead, "DownloadAsset", "Download an asset's bytes.", 404);
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteAsset", "Delete an asset and its bytes.", 404);
    }

    private static async Task<Results<Created<AssetResponse>, ProblemHttpResult>> Upload(
        HttpRequest request, string? fileName, string? campaignId, string? promotionId,
        [FromServices] IAssetStore store, ICampaignStore campaigns, IPromotionStore promotions, TimeProvider clock, CancellationToken ct)
    {
        var contentType = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType.Value : null;
        if (AssetPolicy.MaxSize(contentType) is not { } maxSize)
        {
            return Problems.From(new DomainError("unsupported_media_type",
                $"Allowed content types: {string.Join(", ", AssetPolicy.Limits.Keys)}.", "Content-Type"));
        }

        var checks = new FieldChecks();
        var name = checks.Required(fileName, "$.fileName", FileNameMax);
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl))
        {
            checks.Add("invalid_file_name", "A file name holds no path separators or control characters.", "$.fileName");
        }

        await checks.ReferenceAsync(campaignId, "$.campaignId", "campaign", campaigns.GetAsync, ct);
        await checks.ReferenceAsync(promotionId, "$.promotionId", "promotion", promotions.GetAsync, ct);
        if (checks.HasErrors)
        {
            return Problems.From(checks.Errors);
        }

        if (request.ContentLength > maxSize)
        {
            return TooLarge(contentType!, maxSize);
        }

        await using var upload = new UploadBuffer();
        if (!await upload.CopyAsync(request.Body, maxSize, ct))
        {
            return TooLarge(contentType!, maxSize);
        }

        if (!ContentSniffer.Matches(contentType!, upload.Header))
        {
            return Problems.From(new DomainError("content_mismatch", $"The bytes are not a {contentType} file.", "Content-Type"));
        }

        var asset = new Asset(Ids.New("ast", clock), name, contentType!.ToLowerInvariant(), upload.Size, upload.Sha256,
            clock.GetUtcNow(), Strings.OrNull(campaignId), Strings.OrNull(promotionId));
        await store.SaveAsync(asset, upload.Content, ct);
        return TypedResults.Created($"/admin/assets/{asset.Id}", AssetResponse.From(asset));
    }

    private static Task<Results<Ok<ListResponse<AssetResponse>>, ProblemHttpResult>> List(
        [FromServices] IAssetStore store, string? cursor, string? limit, CancellationToken ct) =>
        Lists.PageAsync(cursor, limit, page => store.ListAsync(page, ct), AssetResponse.From);

    private static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> Get(string id, [FromServices] IAssetStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } asset ? TypedResults.Ok(AssetResponse.From(asset)) : Problems.NotFound(What, id);

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string id, [FromServices] IAssetStore store, HttpResponse response, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } asset || await store.OpenReadAsync(id, ct) is not { } content)
        {
            return Problems.NotFound(What, id);
        }

        // Browsers must not second-guess the type: the bytes were checked against it on upload.
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, asset.ContentType, asset.FileName);
    }

    // Assets are immutable and have no version to match, so deletion takes no If-Match.
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, [FromServices] IAssetStore store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound(What, id);

    private static ProblemHttpResult TooLarge(string contentType, long maxSize) =>
        Problems.From(new DomainError("payload_too_large", $"A {contentType} asset may be at most {maxSize:N0} bytes.", "$"));
}
