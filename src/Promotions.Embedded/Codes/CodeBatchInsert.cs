using Microsoft.Data.Sqlite;
using Promotions.Domain.Codes;
using Promotions.Domain.Ports;
using SQLitePCL;

namespace Promotions.Embedded.Codes;

/// <summary>
/// The bulk path of code generation: a batch inserted through one prepared <c>INSERT OR IGNORE</c> driven
/// directly on the SQLite handle (bind, step, reset), because the ADO.NET command costs a reader object and a
/// UTF-8 copy of every string per row, which at a million rows is most of the time. A row that changes
/// nothing was refused by the unique code: that is how duplicates, stored or repeated in the batch, are found.
/// </summary>
internal static class CodeBatchInsert
{
    public const string Sql =
        "INSERT OR IGNORE INTO codes (code, id, promotion_id, uses, max_uses, active, expires_at, assigned_customer_id) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);";

    // A batch touches pages all over the unique index on the code; with SQLite's default 2 MB cache they
    // would be spilled and read back many times within one transaction, and read again by the next batch.
    // The cache is left at this size: pages are only allocated as they are read, and the connection that
    // did the last bulk insert, back in the pool, is the one the next batch gets.
    private const int BulkCacheKib = 65_536;

    /// <summary>Inserts <paramref name="codes"/> in the caller's (open, write) transaction.</summary>
    public static CodeInsertResult Run(SqliteConnection connection, IReadOnlyList<PromoCode> codes, CancellationToken ct)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_exec(db, $"PRAGMA cache_size = -{BulkCacheKib};"));
        Check(db, raw.sqlite3_prepare_v2(db, Sql, out var statement));
        using (statement)
        {
            return InsertAll(db, statement, codes, ct);
        }
    }

    private static CodeInsertResult InsertAll(sqlite3 db, sqlite3_stmt statement, IReadOnlyList<PromoCode> codes, CancellationToken ct)
    {
        var inserted = 0;
        List<string>? duplicates = null;
        var order = CodeOrder(codes);
        for (var i = 0; i < order.Length; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var row = codes[order[i]];
            Bind(db, statement, row);
            var step = raw.sqlite3_step(statement);
            Check(db, raw.sqlite3_reset(statement));
            if (step != raw.SQLITE_DONE)
            {
                Check(db, step);
            }

            if (raw.sqlite3_changes(db) == 1)
            {
                inserted++;
            }
            else
            {
                (duplicates ??= []).Add(row.Code);
            }
        }

        return new CodeInsertResult(inserted, (IReadOnlyList<string>?)duplicates ?? []);
    }

    private static void Bind(sqlite3 db, sqlite3_stmt statement, PromoCode row)
    {
        Check(db, raw.sqlite3_bind_text16(statement, 1, row.Code));
        Check(db, raw.sqlite3_bind_text16(statement, 2, row.Id));
        Check(db, raw.sqlite3_bind_text16(statement, 3, row.PromotionId));
        Check(db, raw.sqlite3_bind_int(statement, 4, row.Uses));
        Check(db, raw.sqlite3_bind_int(statement, 5, row.MaxUses));
        Check(db, raw.sqlite3_bind_int(statement, 6, row.Active ? 1 : 0));
        Check(db, row.ExpiresAt is { } expires
            ? raw.sqlite3_bind_int64(statement, 7, expires.UtcTicks)
            : raw.sqlite3_bind_null(statement, 7));
        Check(db, row.AssignedCustomerId is { } customer
            ? raw.sqlite3_bind_text16(statement, 8, customer)
            : raw.sqlite3_bind_null(statement, 8));
    }

    /// <summary>
    /// Positions of <paramref name="codes"/> sorted by code (ordinal, as SQLite compares text), ties by
    /// position: the unique index is then walked once from end to end instead of at random, and of two equal
    /// codes in a batch the earlier one is kept.
    /// </summary>
    private static int[] CodeOrder(IReadOnlyList<PromoCode> codes)
    {
        var keys = new string[codes.Count];
        var order = new int[codes.Count];
        for (var i = 0; i < order.Length; i++)
        {
            keys[i] = codes[i].Code;
            order[i] = i;
        }

        // The array sort is not stable; equal codes (rare: repeats within one batch) are put back in batch order.
        Array.Sort(keys, order, StringComparer.Ordinal);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && string.Equals(keys[end], keys[start], StringComparison.Ordinal))
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }

        return order;
    }

    private static void Check(sqlite3 db, int rc) => SqliteException.ThrowExceptionForRC(rc, db);
}
