using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Tests.Support;

/// <summary>A real SQLite database in a temporary folder, deleted with the fixture.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TempDatabase() => Database = new SqliteDatabase(_directory.Path);

    public string DataDirectory => _directory.Path;

    internal SqliteDatabase Database { get; }

    public void Dispose()
    {
        // Closes the pooled connections first, so the folder can go on every platform.
        Database.Dispose();
        _directory.Dispose();
    }
}
