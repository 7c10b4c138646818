using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.OpenApi;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// Images, videos and PDFs for campaigns. Large files go straight to the store: an upload session hands out a
/// presigned PUT, and completion verifies what arrived (<see cref="AssetUploadEndpoints"/>); small ones may come
/// as the raw body of one request. Metadata carries a presigned GET; the bytes are served with sniffing disabled.
/// </summary>
internal static class AssetEndpoints
{
    public const string What = "asset";

    public static void MapAssets(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/assets").WithTags("Assets");

        // The content type is checked by the handler rather than declared with Accepts: routing would refuse
        // a wrong type with a bare 415, without the problem code and the list of allowed types.
        group.MapPost("/", Upload).WithBodyLimit(AssetPolicy.DirectUploadLimit)
            .WithRawBody(binary: true, "The file's bytes, sent with its content type.", AssetPolicy.Limits.Keys)
            .Describe(Policies.CatalogWrite, "UploadAsset", "Upload a small image or PDF (at most 4 MiB) as the raw body (?fileName=&campaignId=).", 400, 413, 415);
        group.MapAssetUploads();
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListAssets", "List ready assets' metadata, each with a presigned download.", 400);
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetAsset", "Get an asset's metadata (and, when ready, a presigned download).", 404);
        group.MapGet("/{id}/content", Download).ProducesBytes(AssetPolicy.Limits.Keys).Produces(StatusCodes.Status302Found)
            .Describe(Policies.CatalogRead, "DownloadAsset", "Download an asset's bytes (on AWS: a redirect to the presigned download).", 404, 409);
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteAsset", "Delete an asset or an upload session, with its bytes.", 404);
        group.MapLocalTransfers();
    }

    /// <summary>Serves bytes as a download of their checked type: browsers must not second-guess it.</summary>
    public static FileStreamHttpResult Serve(HttpResponse response, Asset asset, Stream content)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(asset);
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, asset.ContentType, asset.FileName);
    }

    private static async Task<Results<Created<AssetResponse>, ProblemHttpResult>> Upload(
        HttpRequest request, string? fileName, string? campaignId, string? promotionId,
        IAssetStore store, ICampaignStore campaigns, IPromotionStore promotions, TimeProvider clock, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var contentType = AssetInput.MediaType(request.ContentType);
        if (AssetInput.Type(checks, contentType, "Content-Type") is not { } typeLimit)
        {
            return Problems.From(checks.Errors);
        }

        var name = AssetInput.FileName(checks, fileName);
        await AssetInput.ReferencesAsync(checks, campaignId, promotionId, campaigns, promotions, ct);
        if (checks.HasErrors)
        {
            return Problems.From(checks.Errors);
        }

        var maxSize = Math.Min(typeLimit, AssetPolicy.DirectUploadLimit);
        if (request.ContentLength > maxSize)
        {
            return TooLarge(contentType!, typeLimit);
        }

        await using var upload = new UploadBuffer();
        if (!await upload.CopyAsync(request.Body, maxSize, ct))
        {
            return TooLarge(contentType!, typeLimit);
        }

        if (!ContentSniffer.Matches(contentType!, upload.Header))
        {
            return Problems.From(new DomainError("content_mismatch", $"The bytes are not a {contentType} file.", "Content-Type"));
        }

        var asset = new Asset(Ids.New("ast", clock), name, contentType!, upload.Size, upload.Sha256,
            clock.GetUtcNow(), Strings.OrNull(campaignId), Strings.OrNull(promotionId));
        await store.SaveAsync(asset, upload.Content, ct);
        return TypedResults.Created(AssetLinks.Resource(asset.Id), await AssetLinks.DescribeAsync(asset, store, request, clock, ct));
    }

    private static Task<Results<Ok<ListResponse<AssetResponse>>, ProblemHttpResult>> List(
        IAssetStore store, HttpRequest request, TimeProvider clock, string? cursor, string? limit, CancellationToken ct) =>
        Lists.PageAsync(cursor, limit, async page =>
        {
            var assets = await store.ListAsync(page, ct);
            var described = await Task.WhenAll(assets.Items.Select(a => AssetLinks.DescribeAsync(a, store, request, clock, ct)));
            return new Page<AssetResponse>(described, assets.NextCursor);
        }, a => a);

    private static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> Get(
        string id, IAssetStore store, HttpRequest request, TimeProvider clock, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } asset
            ? TypedResults.Ok(await AssetLinks.DescribeAsync(asset, store, request, clock, ct))
            : Problems.NotFound(What, id);

    private static async Task<Results<FileStreamHttpResult, RedirectHttpResult, ProblemHttpResult>> Download(
        string id, IAssetStore store, HttpResponse response, TimeProvider clock, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } asset)
        {
            return Problems.NotFound(What, id);
        }

        if (asset.Status != AssetStatus.Ready)
        {
            return Problems.From(new DomainError("not_ready", "The asset's upload has not been completed.", "$.id"));
        }

        // Bytes held elsewhere (S3) are fetched from there: a function's response could not carry a 200 MB video.
        var presigned = await store.PresignDownloadAsync(asset, clock.GetUtcNow() + AssetPolicy.DownloadUrlLifetime, ct);
        if (AssetLinks.IsElsewhere(presigned))
        {
            response.Headers.CacheControl = "no-store";
            return TypedResults.Redirect(presigned.Url);
        }

        return await store.OpenReadAsync(id, ct) is { } content ? Serve(response, asset, content) : Problems.NotFound(What, id);
    }

    // Assets are immutable and have no version to match, so deletion takes no If-Match.
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, IAssetStore store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound(What, id);

    private static ProblemHttpResult TooLarge(string contentType, long typeLimit) =>
        Problems.From(new DomainError("payload_too_large",
            $"{AssetInput.TooLarge(contentType, typeLimit)} One request takes at most {AssetPolicy.DirectUploadLimit:N0} bytes; "
            + "start an upload session (POST /admin/assets/uploads) for a larger file.", "$"));
}
