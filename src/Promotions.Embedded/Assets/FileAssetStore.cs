using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Assets;

/// <summary>
/// Assets on the local file system (<see cref="AssetFiles"/>) with their metadata in SQLite. Bytes are in place
/// before the metadata that points at them. Presigned requests are URLs of the API itself, signed by
/// <see cref="LocalUrlSigner"/> and served by <see cref="LocalAssetTransfers"/>.
/// </summary>
internal sealed class FileAssetStore(SqliteDatabase database, LocalUrlSigner signer, TimeProvider clock) : IAssetStore
{
    private const string Table = "assets";

    // Each new session sweeps at most this many abandoned ones, so the sweep never makes a request slow.
    private const int SweepBatch = 100;

    private readonly AssetFiles _files = new(database.AssetsDirectory);

    public async Task SaveAsync(Asset asset, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(content);
        RequireSafeId(asset.Id);
        await database.InitializeAsync().WaitAsync(ct);
        if (!await AssetFiles.WriteExactlyAsync(_files.Ready(asset.Id), content, asset.Size, overwrite: true, ct))
        {
            throw new ArgumentException($"The content of asset {asset.Id} is not the {asset.Size} bytes its metadata gives.", nameof(content));
        }

        await UpsertAsync(asset with { Status = AssetStatus.Ready, PendingUntil = null }, ct);
    }

    public async Task<Asset?> GetAsync(string id, CancellationToken ct)
    {
        var found = await Documents.ReadAsync(database, Table, new SqlConditions().Equal("id", id), "LIMIT 1", DocumentJson.Default.Asset, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<Stream?> OpenReadAsync(string id, CancellationToken ct)
    {
        if (!AssetFiles.IsSafeId(id))
        {
            return null;
        }

        await database.InitializeAsync().WaitAsync(ct);
        return AssetFiles.OpenRead(_files.Ready(id));
    }

    public async Task<Page<Asset>> ListAsync(ListQuery page, CancellationToken ct)
    {
        var fetch = Pages.FetchSize(page);
        var where = new SqlConditions().Equal("status", "ready").Add("id > {0}", page.After);
        var rows = await Documents.ReadAsync(database, Table, where, $"LIMIT {fetch}", DocumentJson.Default.Asset, ct);
        return Pages.ToPage(rows, page.Limit, a => a.Id);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        var deleted = await database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, $"DELETE FROM {Table} WHERE id = $id;");
            command.Parameters.AddWithValue("$id", id);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

        if (deleted && AssetFiles.IsSafeId(id))
        {
            _files.DeleteAll(id);
        }

        return deleted;
    }

    public async Task<PresignedRequest> BeginUploadAsync(Asset pending, DateTimeOffset urlExpiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pending);
        RequireSafeId(pending.Id);
        if (pending.Status != AssetStatus.Pending)
        {
            throw new ArgumentException("An upload session starts a pending asset.", nameof(pending));
        }

        await SweepAbandonedAsync(ct);
        await database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction,
                $"INSERT INTO {Table} (id, doc, status, pending_until) VALUES ($id, $doc, 'pending', $until);");
            Bind(command, pending);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

        var url = signer.Url("upload", "PUT", pending.Id, urlExpiresAt, pending.ContentType, pending.Size);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = pending.ContentType,
            ["Content-Length"] = pending.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new PresignedRequest(url, "PUT", headers, urlExpiresAt);
    }

    public async Task<UploadedObject?> InspectUploadAsync(string id, int headerLength, CancellationToken ct)
    {
        if (!AssetFiles.IsSafeId(id) || await GetAsync(id, ct) is not { Status: AssetStatus.Pending } asset)
        {
            return null;
        }

        var file = new FileInfo(_files.Pending(id));
        await using var stream = AssetFiles.OpenRead(file.FullName);
        if (stream is null)
        {
            return null;
        }

        var header = new byte[(int)Math.Min(headerLength, file.Length)];
        await stream.ReadExactlyAsync(header, ct);

        // The transfer took the body only with the signed content type, so the type that arrived is the declared one.
        return new UploadedObject(file.Length, asset.ContentType, header, AssetFiles.Tag(file));
    }

    public async Task<UploadCompletion> CompleteUploadAsync(string id, string tag, CancellationToken ct)
    {
        if (!AssetFiles.IsSafeId(id))
        {
            return UploadCompletion.NotFound;
        }

        // Hashing reads the whole file, so it runs before the write lock; the tag is checked again under it.
        var pendingPath = _files.Pending(id);
        var sha256 = await HashIfTaggedAsync(pendingPath, tag, ct);
        return await database.WriteAsync(async (connection, transaction) =>
        {
            using var read = connection.Command(transaction, $"SELECT doc FROM {Table} WHERE id = $id;");
            read.Parameters.AddWithValue("$id", id);
            if (await read.ExecuteScalarAsync(ct) is not string doc)
            {
                return UploadCompletion.NotFound;
            }

            var asset = JsonSerializer.Deserialize(doc, DocumentJson.Default.Asset)!;
            if (asset.Status == AssetStatus.Ready)
            {
                return UploadCompletion.Completed(asset);
            }

            var file = new FileInfo(pendingPath);
            if (!file.Exists)
            {
                return UploadCompletion.NotFound;
            }

            if (sha256 is null || AssetFiles.Tag(file) != tag)
            {
                return UploadCompletion.Changed;
            }

            var ready = asset with { Sha256 = sha256, Status = AssetStatus.Ready, PendingUntil = null };
            File.Move(pendingPath, _files.Ready(id), overwrite: true);
            using var update = connection.Command(transaction, $"UPDATE {Table} SET doc = $doc, status = 'ready', pending_until = NULL WHERE id = $id;");
            Bind(update, ready);
            await update.ExecuteNonQueryAsync(ct);
            return UploadCompletion.Completed(ready);
        }, ct);
    }

    public Task<PresignedRequest> PresignDownloadAsync(Asset asset, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var url = signer.Url("download", "GET", asset.Id, expiresAt);
        return Task.FromResult(new PresignedRequest(url, "GET", new Dictionary<string, string>(), expiresAt));
    }

    private static void RequireSafeId(string id)
    {
        if (!AssetFiles.IsSafeId(id))
        {
            throw new ArgumentException($"The asset id '{id}' cannot name a file.", nameof(id));
        }
    }

    private static void Bind(SqliteCommand command, Asset asset)
    {
        command.Parameters.AddWithValue("$id", asset.Id);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(asset, DocumentJson.Default.Asset));
        command.Parameters.AddWithValue("$until", SqlTime.ToDb(asset.PendingUntil));
    }

    /// <summary>The SHA-256 of the pending file when it is still the one of <paramref name="tag"/>, else null.</summary>
    private static async Task<string?> HashIfTaggedAsync(string path, string tag, CancellationToken ct)
    {
        await using var stream = AssetFiles.OpenRead(path);
        if (stream is null || AssetFiles.Tag(new FileInfo(path)) != tag)
        {
            return null;
        }

        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private Task<int> UpsertAsync(Asset asset, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, $"""
                INSERT INTO {Table} (id, doc, status, pending_until) VALUES ($id, $doc, 'ready', NULL)
                ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, status = 'ready', pending_until = NULL;
                """);
            Bind(command, asset);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);

    /// <summary>Deletes sessions whose time ran out, rows first, then whatever bytes they received.</summary>
    private async Task SweepAbandonedAsync(CancellationToken ct)
    {
        var swept = await database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, $"""
                DELETE FROM {Table} WHERE id IN (
                    SELECT id FROM {Table} WHERE status = 'pending' AND pending_until <= $now ORDER BY pending_until LIMIT {SweepBatch})
                RETURNING id;
                """);
            command.Parameters.AddWithValue("$now", clock.GetUtcNow().UtcTicks);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, ct);

        foreach (var id in swept.Where(AssetFiles.IsSafeId))
        {
            _files.DeleteAll(id);
        }
    }
}
