using System.Net;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Assets;

/// <summary>
/// Assets on AWS: metadata in the main table (<see cref="AssetItems"/>), bytes in the private assets bucket —
/// a ready asset's at <c>assets/&lt;id&gt;</c>, an upload still to be verified at <c>pending/&lt;id&gt;</c> (a
/// lifecycle rule deletes what is left there after a day). Clients upload and download with presigned URLs, so
/// no asset byte passes through a function except the first few of each upload, read to check its magic bytes.
/// A read of a missing object answers 403 rather than 404 when the role lacks <c>s3:ListBucket</c> on the bucket
/// (S3 does not reveal what a bucket holds to those who may not list it); template.yaml grants it, and the reads here
/// take a 403 as "missing" as well (<see cref="IsMissing"/>), so a role without it still sees an upload that has not
/// arrived as not there instead of failing.
/// </summary>
internal sealed class S3AssetStore(IAmazonDynamoDB dynamo, IAmazonS3 s3, IOptions<AwsOptions> options) : IAssetStore
{
    public const string ReadyPrefix = "assets/";
    public const string PendingPrefix = "pending/";

    private readonly string _table = options.Value.Table;
    private readonly string _bucket = string.IsNullOrWhiteSpace(options.Value.AssetsBucket)
        ? throw new InvalidOperationException("Aws:AssetsBucket must name the private assets bucket.")
        : options.Value.AssetsBucket;

    // Emulators are reached over http; on AWS the SDK's https stays.
    private readonly Protocol _protocol = s3.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true
        ? Protocol.HTTP : Protocol.HTTPS;

    public async Task SaveAsync(Asset asset, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(content);
        RequireWellFormed(asset.Id);
        await using var body = await ExactlyAsync(content, asset.Size, ct);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = ReadyPrefix + asset.Id,
            InputStream = body,
            AutoCloseStream = false,
            ContentType = asset.ContentType,
            Headers = { ContentDisposition = AssetPolicy.ContentDisposition(asset.FileName) },
        }, ct);

        // The bytes are in place before the metadata that points at them.
        var ready = asset with { Status = AssetStatus.Ready, PendingUntil = null };
        await dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = AssetItems.Item(ready) }, ct);
    }

    public async Task<Asset?> GetAsync(string id, CancellationToken ct)
    {
        if (!AssetIds.IsWellFormed(id))
        {
            return null;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = AssetItems.Key(id), ConsistentRead = true }, ct);
        return response.IsItemSet ? AssetItems.FromItem(response.Item) : null;
    }

    public async Task<Stream?> OpenReadAsync(string id, CancellationToken ct)
    {
        if (!AssetIds.IsWellFormed(id))
        {
            return null;
        }

        try
        {
            var response = await s3.GetObjectAsync(_bucket, ReadyPrefix + id, ct);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            return null;
        }
    }

    public async Task<Page<Asset>> ListAsync(ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(page.Limit, 1, nameof(page));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page.Limit, ListQuery.MaxLimit, nameof(page));
        var items = new List<Asset>();
        var values = new Dictionary<string, AttributeValue> { [":assets"] = Attr.S(AssetItems.ListPartition) };
        if (page.After is not null)
        {
            values[":after"] = Attr.S(page.After);
        }

        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = _table,
                IndexName = TableLayout.Gsi1,
                KeyConditionExpression = page.After is null ? "gsi1pk = :assets" : "gsi1pk = :assets AND gsi1sk > :after",
                ExpressionAttributeValues = values,
                Limit = page.Limit + 1 - items.Count,
                ExclusiveStartKey = start,
            }, ct);
            items.AddRange((response.Items ?? []).Select(AssetItems.FromItem));
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null && items.Count <= page.Limit);

        return items.Count > page.Limit
            ? new Page<Asset>(items[..page.Limit], Cursor.Encode(items[page.Limit - 1].Id))
            : new Page<Asset>(items, null);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        if (!AssetIds.IsWellFormed(id))
        {
            return false;
        }

        var deleted = await dynamo.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = _table,
            Key = AssetItems.Key(id),
            ReturnValues = ReturnValue.ALL_OLD,
        }, ct);
        if (deleted.Attributes is not { Count: > 0 })
        {
            return false;
        }

        // Metadata goes first, so it never points at bytes that are gone.
        await DeleteObjectsAsync(id, ct);
        return true;
    }

    public async Task<PresignedRequest> BeginUploadAsync(Asset pending, DateTimeOffset urlExpiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pending);
        RequireWellFormed(pending.Id);
        if (pending.Status != AssetStatus.Pending)
        {
            throw new ArgumentException("An upload session starts a pending asset.", nameof(pending));
        }

        await dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = _table,
            Item = AssetItems.Item(pending),
            ConditionExpression = "attribute_not_exists(pk)",
        }, ct);

        // Every header below is signed: S3 refuses the PUT with another type or length, and If-None-Match makes
        // the URL single-use, so the bytes cannot be swapped after they were checked.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = pending.ContentType,
            ["Content-Length"] = pending.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["If-None-Match"] = "*",
        };
        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = PendingPrefix + pending.Id,
            Verb = HttpVerb.PUT,
            Expires = urlExpiresAt.UtcDateTime,
            ContentType = pending.ContentType,
            Protocol = _protocol,
        };
        request.Headers["Content-Length"] = headers["Content-Length"];
        request.Headers["If-None-Match"] = headers["If-None-Match"];
        return new PresignedRequest(await s3.GetPreSignedURLAsync(request), "PUT", headers, urlExpiresAt);
    }

    public async Task<UploadedObject?> InspectUploadAsync(string id, int headerLength, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { Status: AssetStatus.Pending })
        {
            return null;
        }

        try
        {
            var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = PendingPrefix + id }, ct);
            var header = Array.Empty<byte>();
            if (head.ContentLength > 0 && headerLength > 0)
            {
                // A ranged read of the very object whose metadata was just read: the ETag pins it.
                using var first = await s3.GetObjectAsync(new GetObjectRequest
                {
                    BucketName = _bucket,
                    Key = PendingPrefix + id,
                    ByteRange = new ByteRange(0, Math.Min(headerLength, head.ContentLength) - 1),
                    EtagToMatch = head.ETag,
                }, ct);
                using var copy = new MemoryStream();
                await first.ResponseStream.CopyToAsync(copy, ct);
                header = copy.ToArray();
            }

            return new UploadedObject(head.ContentLength, head.Headers.ContentType, header, head.ETag);
        }
        catch (AmazonS3Exception e) when (IsMissing(e) || e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            // Nothing there yet, or replaced between the two reads (its next inspection sees the new one).
            return null;
        }
    }

    public async Task<UploadCompletion> CompleteUploadAsync(string id, string tag, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { } asset)
        {
            return UploadCompletion.NotFound;
        }

        if (asset.Status == AssetStatus.Ready)
        {
            return UploadCompletion.Completed(asset);
        }

        // Emulators may ignore the copy's ETag condition below, so the tag is checked first as well.
        GetObjectMetadataResponse head;
        try
        {
            head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _bucket, Key = PendingPrefix + id }, ct);
        }
        catch (AmazonS3Exception e) when (IsMissing(e))
        {
            return await GoneAsync(id, ct);
        }

        if (head.ETag != tag)
        {
            return UploadCompletion.Changed;
        }

        string sha256;
        try
        {
            // S3 copies only the inspected object (ETag) and computes the SHA-256 of the copy itself, so the hash is
            // of exactly the bytes that become the asset, and none of them pass through this function.
            var copy = await s3.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = _bucket,
                SourceKey = PendingPrefix + id,
                DestinationBucket = _bucket,
                DestinationKey = ReadyPrefix + id,
                ETagToMatch = tag,
                ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
                MetadataDirective = S3MetadataDirective.REPLACE,
                ContentType = asset.ContentType,
                Headers = { ContentDisposition = AssetPolicy.ContentDisposition(asset.FileName) },
            }, ct);
            sha256 = Sha256Hex(copy.ChecksumSHA256) ?? await HashAsync(id, copy.ETag, ct);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            return UploadCompletion.Changed;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return await GoneAsync(id, ct);
        }

        var ready = asset with { Sha256 = sha256, Status = AssetStatus.Ready, PendingUntil = null };
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = AssetItems.Item(ready),
                ConditionExpression = "#status = :pending",
                ExpressionAttributeNames = new() { ["#status"] = AssetItems.Status },
                ExpressionAttributeValues = new() { [":pending"] = Attr.S("pending") },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            if (await GetAsync(id, ct) is { Status: AssetStatus.Ready } completed)
            {
                // A concurrent completion of the same bytes won; its result is this one's.
                return UploadCompletion.Completed(completed);
            }

            // Deleted while it was being completed: the copy must not outlive its asset.
            await s3.DeleteObjectAsync(_bucket, ReadyPrefix + id, ct);
            return UploadCompletion.NotFound;
        }

        await s3.DeleteObjectAsync(_bucket, PendingPrefix + id, ct);
        return UploadCompletion.Completed(ready);
    }

    public async Task<PresignedRequest> PresignDownloadAsync(Asset asset, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        RequireWellFormed(asset.Id);

        // The object carries its content type and Content-Disposition from when it was stored.
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = ReadyPrefix + asset.Id,
            Verb = HttpVerb.GET,
            Expires = expiresAt.UtcDateTime,
            Protocol = _protocol,
        });
        return new PresignedRequest(url, "GET", new Dictionary<string, string>(), expiresAt);
    }

    // Gone: a concurrent completion may have taken it (and then the asset is ready), or it was deleted.
    private async Task<UploadCompletion> GoneAsync(string id, CancellationToken ct) =>
        await GetAsync(id, ct) is { Status: AssetStatus.Ready } completed ? UploadCompletion.Completed(completed) : UploadCompletion.NotFound;

    /// <summary>
    /// Whether a read failed because the object is not there: 404, or 403 from a role that may not list the bucket.
    /// Only reads of objects the caller expects may be missing use it, never a write, so a real denial still fails.
    /// </summary>
    private static bool IsMissing(AmazonS3Exception e) => e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden;

    private static void RequireWellFormed(string id)
    {
        if (!AssetIds.IsWellFormed(id))
        {
            throw new ArgumentException($"'{id}' is not an asset id.", nameof(id));
        }
    }

    /// <summary>The hex of a full-object SHA-256 that S3 reports in base64; null when it reported none (or a composite one).</summary>
    private static string? Sha256Hex(string? base64)
    {
        Span<byte> digest = stackalloc byte[32];
        return base64 is { Length: 44 } && Convert.TryFromBase64String(base64, digest, out var written) && written == 32
            ? Convert.ToHexStringLower(digest)
            : null;
    }

    /// <summary>
    /// The bytes of <paramref name="content"/> as a seekable stream of exactly <paramref name="size"/> bytes;
    /// throws when there are more or fewer, before anything is stored.
    /// </summary>
    private static async Task<Stream> ExactlyAsync(Stream content, long size, CancellationToken ct)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (copy.Length <= size && (read = await content.ReadAsync(buffer, ct)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        var length = copy.Length;
        if (length != size)
        {
            await copy.DisposeAsync();
            throw new ArgumentException($"The content is {(length > size ? "longer than" : $"{length} bytes, not")} the {size} bytes the asset's metadata gives.", nameof(content));
        }

        copy.Position = 0;
        return copy;
    }

    // Only for a store that does not compute checksums on copy: the function then reads the copy once.
    private async Task<string> HashAsync(string id, string etag, CancellationToken ct)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = ReadyPrefix + id, EtagToMatch = etag }, ct);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(response.ResponseStream, ct));
    }

    private async Task DeleteObjectsAsync(string id, CancellationToken ct)
    {
        await s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = _bucket,
            Objects = [new KeyVersion { Key = ReadyPrefix + id }, new KeyVersion { Key = PendingPrefix + id }],
            Quiet = true,
        }, ct);
    }
}
