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
        var copy = Path.Combine(_temp.Path, "copy.db");
        File.Copy(Path.Combine(_temp.Path, SqliteDatabase.FileName), copy);
        await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM probe;";
        Assert.InRange((long)(await count.ExecuteScalarAsync())!, SqliteDatabase.CheckpointEveryWrites - 1, SqliteDatabase.CheckpointEveryWrites * 2);
    }

    private static Task<int> WriteAsync(SqliteDatabase database, string sql) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, sql);
            return await command.ExecuteNonQueryAsync();
        }, default);
}
