using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Promotions.Embedded.Storage;

/// <summary>Command creation in one line, bound to the transaction it runs in.</summary>
internal static class SqliteCommands
{
    // Prepared commands per connection and SQL text; only the write connection, used by one writer at a time,
    // is given any.
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// A command for <paramref name="sql"/> that stays prepared on <paramref name="connection"/> from one call to the
    /// next (SQLite compiles it once, not per call), with no parameters bound yet. Only for statements run inside
    /// <see cref="SqliteDatabase.WriteAsync"/>, whose connection lives on and is used by one writer at a time;
    /// the caller must not dispose it.
    /// </summary>
    public static SqliteCommand Reusable(this SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var commands = Prepared.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.Command(transaction, sql);
            commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>Disposes the prepared commands of a connection that is being closed for good.</summary>
    public static void ForgetReusable(SqliteConnection connection)
    {
        if (Prepared.TryGetValue(connection, out var commands))
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            Prepared.Remove(connection);
        }
    }
}
