using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// Uploads that go straight to the store. A session checks the declared type and size against the policy and
/// answers a presigned PUT that the store takes only with that type and exact size; completion then checks what
/// really arrived — size, type, magic bytes — since an emulator (or a future store) may not enforce the signed
/// headers, and only marks the asset ready when all of it matches; otherwise the upload is discarded.
/// </summary>
internal static class AssetUploadEndpoints
{
    public static void MapAssetUploads(this RouteGroupBuilder assets)
    {
        assets.MapPost("/uploads", Begin).Describe(Policies.CatalogWrite, "BeginAssetUpload",
            "Start an upload: declare the file's name, content type and exact size; get a presigned PUT.", 400, 413, 415);
        assets.MapPost("/{id}/complete", Complete).Describe(Policies.CatalogWrite, "CompleteAssetUpload",
            "Verify the uploaded bytes and make the asset ready.", 400, 404, 409, 410);
    }

    private static async Task<Results<Created<UploadSessionResponse>, ProblemHttpResult>> Begin(
        UploadSessionRequest body, HttpRequest request, IAssetStore store, ICampaignStore campaigns, IPromotionStore promotions,
        TimeProvider clock, CancellationToken ct)
    {
        var checks = new FieldChecks();
        var contentType = AssetInput.MediaType(body.ContentType);
        long? limit = null;
        if (string.IsNullOrWhiteSpace(body.ContentType))
        {
            checks.Add("required", "A value is required.", "$.contentType");
        }
        else
        {
            limit = AssetInput.Type(checks, contentType, "$.contentType");
        }

        var name = AssetInput.FileName(checks, body.FileName);
        if (body.Size is not { } size)
        {
            checks.Add("required", "The exact size in bytes is required.", "$.size");
        }
        else if (size < 1)
        {
            checks.Add("out_of_range", "An asset has at least one byte.", "$.size");
        }
        else if (size > limit)
        {
            checks.Add("payload_too_large", AssetInput.TooLarge(contentType!, limit.Value), "$.size");
        }

        await AssetInput.ReferencesAsync(checks, body.CampaignId, body.PromotionId, campaigns, promotions, ct);
        if (checks.HasErrors)
        {
            return Problems.From(checks.Errors);
        }

        var now = clock.GetUtcNow();
        var urlExpiresAt = now + AssetPolicy.UploadUrlLifetime;
        var pending = new Asset(Ids.New("ast", clock), name, contentType!, body.Size!.Value, null, now,
            Strings.OrNull(body.CampaignId), Strings.OrNull(body.PromotionId), AssetStatus.Pending, urlExpiresAt + AssetPolicy.CompletionWindow);
        var upload = await store.BeginUploadAsync(pending, urlExpiresAt, ct);
        var resource = AssetLinks.Resource(pending.Id);
        return TypedResults.Created(resource,
            new UploadSessionResponse(AssetResponse.From(pending, null), AssetLinks.Resolve(request, pending.Id, upload), resource + "/complete"));
    }

    private static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> Complete(
        string id, HttpRequest request, IAssetStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } asset)
        {
            return Problems.NotFound(AssetEndpoints.What, id);
        }

        if (asset.Status == AssetStatus.Ready)
        {
            return TypedResults.Ok(await AssetLinks.DescribeAsync(asset, store, request, clock, ct));
        }

        if (asset.IsExpired(clock.GetUtcNow()))
        {
            await store.DeleteAsync(id, ct);
            return Problems.From(new DomainError("upload_expired",
                $"The upload session ended at {asset.PendingUntil:O} and was deleted; start a new one.", "$.id"));
        }

        if (await store.InspectUploadAsync(id, ContentSniffer.HeaderLength, ct) is not { } received)
        {
            return Problems.From(new DomainError("upload_missing", "No bytes have arrived for this upload yet: send them to the upload URL first.", "$.id"));
        }

        var mismatches = Mismatches(asset, received);
        if (mismatches.Count > 0)
        {
            await store.DeleteAsync(id, ct);
            return TypedResults.Problem(Problems.Create(Problems.StatusOf(mismatches[0].Code), mismatches[0].Code,
                "The upload is not what its session declared; it was discarded with its session. Start a new one.", mismatches));
        }

        var completion = await store.CompleteUploadAsync(id, received.Tag, ct);
        return completion.Status switch
        {
            UploadCompletionStatus.Completed => TypedResults.Ok(await AssetLinks.DescribeAsync(completion.Asset!, store, request, clock, ct)),
            UploadCompletionStatus.Changed => Problems.From(new DomainError("upload_changed",
                "The uploaded bytes changed while they were being checked; complete the upload again.", "$.id")),
            _ => Problems.NotFound(AssetEndpoints.What, id),
        };
    }

    /// <summary>Every way the bytes that arrived differ from what the session declared.</summary>
    private static List<DomainError> Mismatches(Asset asset, UploadedObject received)
    {
        var errors = new List<DomainError>();
        if (received.Size != asset.Size)
        {
            errors.Add(new("size_mismatch", $"The upload is {received.Size:N0} bytes, not the {asset.Size:N0} the session declared.", "$.size"));
        }

        var receivedType = AssetInput.MediaType(received.ContentType);
        if (receivedType != asset.ContentType)
        {
            errors.Add(new("type_mismatch", $"The upload was sent as '{received.ContentType}', not as the declared {asset.ContentType}.", "$.contentType"));
        }

        if (!ContentSniffer.Matches(asset.ContentType, received.Header.Span))
        {
            errors.Add(new("content_mismatch", $"The bytes are not a {asset.ContentType} file.", "$.contentType"));
        }

        return errors;
    }
}
