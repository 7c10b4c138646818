using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.OpenApi;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// The targets of the embedded store's presigned URLs: this API plays S3's part for them, so the same client code
/// uploads and downloads locally and on AWS. The URL's signature is the authorization (no token), and the store
/// checks it. On AWS the URLs point at S3 and these routes answer 404.
/// </summary>
internal static class LocalTransferEndpoints
{
    public static void MapLocalTransfers(this RouteGroupBuilder assets)
    {
        assets.MapPut("/{id}/upload", Receive).AuthorizedBySignedUrl().WithBodyLimit(AssetPolicy.Limits.Values.Max())
            .WithRawBody(binary: true, "The file's bytes, with the content type and exact size the upload session declared.", AssetPolicy.Limits.Keys)
            .WithName("ReceiveAssetUpload").WithSummary("The target of a local presigned upload (signed URL, no token).")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        assets.MapGet("/{id}/download", Serve).AuthorizedBySignedUrl().ProducesBytes(AssetPolicy.Limits.Keys)
            .WithName("ServeAssetDownload").WithSummary("The target of a local presigned download (signed URL, no token).")
            .ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> Receive(
        string id, string? expires, string? signature, HttpRequest request, [FromServices] ILocalAssetTransfers? transfers, CancellationToken ct)
    {
        if (transfers is null)
        {
            return Problems.NotFound(AssetEndpoints.What, id);
        }

        var contentType = request.Headers.ContentType.Count == 1 ? request.Headers.ContentType[0] : null;
        var outcome = await transfers.ReceiveAsync(new SignedTransfer(id, expires, signature, contentType, request.ContentLength), request.Body, ct);
        return outcome == TransferOutcome.Accepted ? TypedResults.Ok() : Refusal(outcome, id);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Serve(
        string id, string? expires, string? signature, HttpResponse response, [FromServices] ILocalAssetTransfers? transfers, CancellationToken ct)
    {
        if (transfers is null)
        {
            return Problems.NotFound(AssetEndpoints.What, id);
        }

        var download = await transfers.OpenAsync(new SignedTransfer(id, expires, signature), ct);
        return download is { Outcome: TransferOutcome.Accepted, Asset: { } asset, Content: { } content }
            ? AssetEndpoints.Serve(response, asset, content)
            : Refusal(download.Outcome, id);
    }

    private static ProblemHttpResult Refusal(TransferOutcome outcome, string id) => outcome switch
    {
        TransferOutcome.SignatureInvalid => Problems.From(new DomainError("signature_invalid",
            "The signature does not match this URL and the headers sent: send exactly the headers the URL came with.", "signature")),
        TransferOutcome.Expired => Problems.From(new DomainError("url_expired", "This presigned URL has expired; ask for a new one.", "expires")),
        TransferOutcome.AlreadyUsed => Problems.From(new DomainError("already_received",
            "This upload has received its bytes already (or its session is over); an upload URL takes them once.", "$.id")),
        TransferOutcome.LengthMismatch => Problems.From(new DomainError("length_mismatch",
            "The body is not exactly the Content-Length the URL was signed for.", "Content-Length")),
        _ => Problems.NotFound(AssetEndpoints.What, id),
    };
}
