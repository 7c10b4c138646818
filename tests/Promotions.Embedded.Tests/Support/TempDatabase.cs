using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Tests.Support;

/// <summary>A real SQLite database in a temporary folder, deleted with the fixture.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "promotions-embedded-" + Guid.NewGuid().ToString("N"));
        Database = new SqliteDatabase(DataDirectory);
    }

    public string DataDirectory { get; }

    internal SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
