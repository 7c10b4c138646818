using Microsoft.Data.Sqlite;

namespace Promotions.Embedded.Storage;

/// <summary>Command creation in one line, bound to the transaction it runs in.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
