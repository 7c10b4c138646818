using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Embedded.PersonalData;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Customers;

/// <summary>
/// What the customer store does once when it starts: refuses a database whose sealed personal data has lost its key ring
/// (a new ring could never read it, and would hash addresses differently), creates the ring on a first start, and, while
/// the index <c>customers_unsealed</c> of <see cref="CustomerMigrations"/> is there, seals the rows written before personal
/// data was encrypted and then rewrites the file, so no copy of the plaintext stays in free pages or the WAL.
/// </summary>
internal static class PlaintextCustomers
{
    public const string PendingIndex = "customers_unsealed";

    private const int BatchSize = 100;

    public static async Task PrepareAsync(SqliteDatabase database, LocalKeyRing keys, CustomerPrivacy privacy, CancellationToken ct)
    {
        if (!keys.Exists && await ScalarAsync(database, "SELECT EXISTS (SELECT 1 FROM customers WHERE sealed = 1);", ct) == 1)
        {
            throw new InvalidOperationException(
                $"The database in {database.DataDirectory} holds encrypted personal data, but its key ring ({keys.Folder}) is missing. " +
                "Restore that folder from the backup taken with the database; a new key ring cannot read the data.");
        }

        keys.Create();
        if (await ScalarAsync(database, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '{PendingIndex}';", ct) == 0)
        {
            return;
        }

        int sealedRows;
        do
        {
            sealedRows = await database.WriteAsync((connection, transaction) => SealBatchAsync(connection, transaction, privacy, ct), ct);
        }
        while (sealedRows == BatchSize);

        // Plaintext of these rows (and of any customer changed or deleted before) may still sit in free space of pages, in
        // free pages and in the WAL. VACUUM writes every page anew, the checkpoint copies them over the old file and empties the
        // WAL. The index goes last: a crash before it only means doing this again at the next start.
        await ScalarAsync(database, "VACUUM;", ct);
        await ScalarAsync(database, "PRAGMA wal_checkpoint(TRUNCATE);", ct);
        await ScalarAsync(database, $"DROP INDEX IF EXISTS {PendingIndex};", ct);
    }

    /// <summary>
    /// Seals up to one batch of plaintext rows in one transaction: a crash keeps every row either as it was or sealed, and
    /// a second process converting at the same time skips the rows already done (<c>sealed = 0</c> in the update).
    /// </summary>
    private static async Task<int> SealBatchAsync(SqliteConnection connection, SqliteTransaction transaction, CustomerPrivacy privacy, CancellationToken ct)
    {
        var rows = new List<Customer>();
        using (var select = connection.Command(transaction, $"SELECT doc FROM customers WHERE sealed = 0 ORDER BY id LIMIT {BatchSize};"))
        {
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(JsonSerializer.Deserialize(reader.GetString(0), DocumentJson.Default.Customer)
                    ?? throw new InvalidDataException("A null document is stored in customers."));
            }
        }

        using var update = connection.Command(transaction,
            "UPDATE customers SET doc = $doc, email_hash = $hash, legacy_email_lower = NULL, sealed = 1 WHERE id = $id AND sealed = 0;");
        var id = update.Parameters.Add("$id", SqliteType.Text);
        var doc = update.Parameters.Add("$doc", SqliteType.Text);
        var hash = update.Parameters.Add("$hash", SqliteType.Text);
        foreach (var plain in rows)
        {
            var sealedCustomer = await privacy.SealAsync(plain, ct);
            id.Value = plain.Id;
            doc.Value = JsonSerializer.Serialize(sealedCustomer.Document, DocumentJson.Default.Customer);
            hash.Value = (object?)sealedCustomer.EmailKey ?? DBNull.Value;
            await update.ExecuteNonQueryAsync(ct);
        }

        return rows.Count;
    }

    private static async Task<long> ScalarAsync(SqliteDatabase database, string sql, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.Command(null, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }
}
