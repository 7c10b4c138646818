using System.Buffers;
using System.Text.Json;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Assets;

/// <summary>
/// Assets on the local file system: the bytes in <c>assets/</c> under the data directory, one file named by
/// the asset id, and the metadata in SQLite. Bytes are written before metadata, so metadata never points
/// at a file that is not there.
/// </summary>
internal sealed class FileAssetStore(SqliteDatabase database) : IAssetStore
{
    private const string Table = "assets";

    public async Task SaveAsync(Asset asset, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(content);
        if (!IsSafeId(asset.Id))
        {
            throw new ArgumentException($"The asset id '{asset.Id}' cannot name a file.", nameof(asset));
        }

        await database.InitializeAsync().WaitAsync(ct);
        await WriteBytesAsync(asset, content, ct);
        await database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, $"INSERT INTO {Table} (id, doc) VALUES ($id, $doc) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc;");
            command.Parameters.AddWithValue("$id", asset.Id);
            command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(asset, DocumentJson.Default.Asset));
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    public async Task<Asset?> GetAsync(string id, CancellationToken ct)
    {
        var found = await Documents.ReadAsync(database, Table, new SqlConditions().Equal("id", id), "LIMIT 1", DocumentJson.Default.Asset, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<Stream?> OpenReadAsync(string id, CancellationToken ct)
    {
        if (!IsSafeId(id))
        {
            return null;
        }

        await database.InitializeAsync().WaitAsync(ct);
        try
        {
            // Delete sharing lets an asset be deleted while someone is still downloading it.
            return new FileStream(FilePath(id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public async Task<Page<Asset>> ListAsync(ListQuery page, CancellationToken ct)
    {
        var fetch = Pages.FetchSize(page);
        var where = new SqlConditions().Add("id > {0}", page.After);
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

        if (deleted && IsSafeId(id))
        {
            File.Delete(FilePath(id));
        }

        return deleted;
    }

    // Ids come from Ids.New; anything else (a path, "..") must never reach the file system.
    private static bool IsSafeId(string? id) =>
        id is { Length: > 0 and <= 128 } && id.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private string FilePath(string id) => Path.Combine(database.AssetsDirectory, id);

    /// <summary>
    /// Streams into a temporary file beside the final one and renames it when complete: a crash leaves a
    /// stray temporary file, never a truncated file under the asset's name.
    /// </summary>
    private async Task WriteBytesAsync(Asset asset, Stream content, CancellationToken ct)
    {
        var temp = Path.Combine(database.AssetsDirectory, $".{asset.Id}.{Guid.NewGuid():N}.tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long written = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                int read;
                while (written <= asset.Size && (read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    written += read;
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            if (written != asset.Size)
            {
                throw new ArgumentException(
                    $"The content of asset {asset.Id} is {(written > asset.Size ? "longer than" : $"{written} bytes, not")} the {asset.Size} bytes its metadata gives.",
                    nameof(content));
            }

            File.Move(temp, FilePath(asset.Id), overwrite: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(temp);
        }
    }
}
