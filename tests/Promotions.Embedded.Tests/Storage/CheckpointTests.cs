using Microsoft.Data.Sqlite;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Storage;

public sealed class CheckpointTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Writes_ReachTheDatabaseFileByCheckpointsOffTheWritePath()
    {
        using var database = new SqliteDatabase(_temp.Path);
        await WriteAsync(database, "CREATE TABLE probe (n INTEGER NOT NULL);");
        for (var i = 0; i < SqliteDatabase.CheckpointEveryWrites * 2; i++)
        {
            await WriteAsync(database, $"INSERT INTO probe (n) VALUES ({i});");
        }

        await database.LastCheckpoint;

        // The database file alone, without its WAL, holds what a checkpoint copied. These few small writes stay far
        // below SQLite's own automatic checkpoint, so only the background checkpoints can have put them there.
        Assert.InRange(await CountInFileAloneAsync(), SqliteDatabase.CheckpointEveryWrites - 1, SqliteDatabase.CheckpointEveryWrites * 2);
    }

    /// <summary>
    /// The probe rows in a copy of the database file without its WAL. A copy taken while a checkpoint is writing pages
    /// into the file can be torn (SQLite reads it as malformed); such a copy is taken again a moment later.
    /// </summary>
    private async Task<long> CountInFileAloneAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var copy = Path.Combine(_temp.Path, $"copy-{attempt}.db");
            File.Copy(Path.Combine(_temp.Path, SqliteDatabase.FileName), copy);
            try
            {
                await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM probe;";
                return (long)(await count.ExecuteScalarAsync())!;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26 && attempt < 20)
            {
                // SQLITE_CORRUPT or SQLITE_NOTADB: a page was being written while it was copied.
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public async Task Write_AfterACompleteCheckpointWhileOthersWrote_CopiesTheirFramesAndStartsTheWalOver()
    {
        using var database = new SqliteDatabase(_temp.Path);
        await WriteAsync(database, "CREATE TABLE probe (n INTEGER NOT NULL);");
        for (var i = 0; i < SqliteDatabase.CheckpointEveryWrites; i++)
        {
            await WriteAsync(database, $"INSERT INTO probe (n) VALUES ({i});");
        }

        await database.LastCheckpoint;
        // Frames that arrive after the background checkpoint has copied what it saw, as writes do under load while
        // it runs (here from a connection of its own, so their timing is certain). SQLite itself starts the WAL over
        // only when a write begins with every frame copied, so without catching up the WAL would keep all of them.
        await using (var other = new SqliteConnection($"Data Source={Path.Combine(_temp.Path, SqliteDatabase.FileName)};Pooling=False"))
        {
            await other.OpenAsync();
            for (var i = 0; i < 50; i++)
            {
                using var insert = other.CreateCommand();
                insert.CommandText = "INSERT INTO probe (n) VALUES (-1);";
                await insert.ExecuteNonQueryAsync();
            }
        }

        await WriteAsync(database, "INSERT INTO probe (n) VALUES (0);");

        Assert.InRange(await WalFramesAsync(), 1, 5);
    }

    // Frames in the WAL: the second column of a passive checkpoint's answer.
    private async Task<long> WalFramesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_temp.Path, SqliteDatabase.FileName)};Pooling=False");
        await connection.OpenAsync();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        return result.GetInt64(1);
    }

    private static Task<int> WriteAsync(SqliteDatabase database, string sql) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, sql);
            return await command.ExecuteNonQueryAsync();
        }, default);
}
