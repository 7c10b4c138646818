using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Promotions.Embedded.Storage;

/// <summary>
/// A SQLite database file of the embedded adapters (the catalog and ledger's <c>promotions.db</c>, Analytics'
/// own <c>analytics.db</c>): opens pooled connections with the pragmas every connection needs, applies its
/// migrations once before the first connection is handed out, and runs conditional writes one at a time, on one
/// connection kept open for them.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "promotions.db";

    // Per-connection settings (journal_mode is stored in the file by the migrator). NORMAL is durable
    // under WAL except for the last commits before a power loss, which is the usual trade for a local store.
    // Checkpointing every 8192 pages (32 MB of WAL) rather than SQLite's 1000: a bulk code load rewrites
    // the pages of the code index in every batch, and a checkpoint copies only the latest copy of each page,
    // so fewer checkpoints write (and fsync) far less. Reads go through a shared memory map of the file (up to
    // 256 MB) rather than a read() copy into each pooled connection's own page cache, which every commit of
    // another connection invalidates.
    private const string ConnectionPragmas =
        "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA wal_autocheckpoint = 8192; PRAGMA mmap_size = 268435456;";

    // Writes between two checkpoints run off the write path (see StartCheckpoint).
    internal const int CheckpointEveryWrites = 500;

    private readonly string _connectionString;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly Func<SqliteConnection, Task>? _afterMigrations;
    private readonly Lazy<Task> _initialization;

    // SQLite has one writer at a time anyway; queuing writers of this process here, asynchronously, keeps
    // them from blocking threads in SQLite's busy handler. Other processes are still kept out by
    // BEGIN IMMEDIATE and busy_timeout.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Physical connections whose per-connection pragmas are set. A pooled connection keeps its SQLite handle
    // (and the pragmas on it) between opens, so they are run once per handle, not on every open.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];

    // Writes run one at a time under the gate, so they share one connection, kept open: its prepared statements
    // (SqliteCommands.Reusable) survive from one write to the next instead of being compiled again in each.
    private SqliteConnection? _writer;

    // Set when a background checkpoint copied every frame it saw; the next writer catches up (see StartCheckpoint).
    private int _catchUp;

    private readonly Lock _checkpointLock = new();
    private int _writesSinceCheckpoint;
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>The main database, <see cref="FileName"/>, with every migration of <see cref="Migrations.Everything"/>.</summary>
    public SqliteDatabase(string dataDirectory)
        : this(dataDirectory, FileName, Migrations.Everything)
    {
    }

    /// <summary>
    /// The database <paramref name="fileName"/> in <paramref name="dataDirectory"/>, with <paramref name="migrations"/>;
    /// <paramref name="afterMigrations"/>, when given, runs on the migrated database as part of its initialization,
    /// before any connection is handed out.
    /// </summary>
    public SqliteDatabase(
        string dataDirectory, string fileName, IReadOnlyList<Migration> migrations, Func<SqliteConnection, Task>? afterMigrations = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(migrations);
        _migrations = migrations;
        _afterMigrations = afterMigrations;
        DataDirectory = Path.GetFullPath(dataDirectory);
        FilePath = Path.Combine(DataDirectory, fileName);
        AssetsDirectory = Path.Combine(DataDirectory, "assets");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        _initialization = new Lazy<Task>(InitializeCoreAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string DataDirectory { get; }

    /// <summary>The database file's full path.</summary>
    public string FilePath { get; }

    public string AssetsDirectory { get; }

    /// <summary>Creates the folders and applies pending migrations; runs once, whoever calls first.</summary>
    public Task InitializeAsync() => _initialization.Value;

    /// <summary>An open connection (from the pool) on a migrated database.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await InitializeAsync().WaitAsync(ct);
        return await OpenRawAsync(ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction (the write lock is taken at the
    /// start, so a conditional write never fails half-way with SQLITE_BUSY) and commits it when it returns.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct)
    {
        await InitializeAsync().WaitAsync(ct);
        await _writeGate.WaitAsync(ct);
        var committed = false;
        try
        {
            var connection = _writer ??= await OpenRawAsync(ct);
            if (Interlocked.Exchange(ref _catchUp, 0) == 1)
            {
                // Under the gate: copies the frames written while the background checkpoint ran, so the WAL is copied
                // whole while nothing writes, and this write starts it over from its first frame.
                await CheckpointPassiveAsync(connection, ct);
            }

            T result;
            await using (var transaction = connection.BeginTransaction(deferred: false))
            {
                result = await work(connection, transaction);
                await transaction.CommitAsync(ct);
            }

            committed = true;
            return result;
        }
        finally
        {
            // A write that threw (a bug, a cancellation, an I/O error) may leave the connection in any state:
            // the next write starts on a fresh one.
            if (!committed)
            {
                DropWriter();
            }

            _writeGate.Release();
            if (committed)
            {
                StartCheckpoint();
            }
        }
    }

    /// <summary>The checkpoint started last (completed when none is running).</summary>
    internal Task LastCheckpoint
    {
        get
        {
            lock (_checkpointLock)
            {
                return _checkpoint;
            }
        }
    }

    public void Dispose()
    {
        // A checkpoint under way finishes first (it is bounded by the WAL written since the last one).
        LastCheckpoint.Wait();
        DropWriter();
        // Idle pooled connections keep the file open; closing them lets the folder be moved or deleted.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        var opened = false;
        try
        {
            await connection.OpenAsync(ct);
            var handle = connection.Handle!;
            if (!_configured.TryGetValue(handle, out _))
            {
                using var pragmas = connection.CreateCommand();
                pragmas.CommandText = ConnectionPragmas;
                await pragmas.ExecuteNonQueryAsync(ct);
                _configured.TryAdd(handle, handle);
            }

            opened = true;
            return connection;
        }
        finally
        {
            if (!opened)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Every <see cref="CheckpointEveryWrites"/> commits, a passive checkpoint on a connection of its own, unless one is
    /// still running. SQLite's automatic checkpoint runs inside the commit that crosses its threshold, so that
    /// commit (and every write queued behind the gate) waited for tens of milliseconds of page copying: the slowest
    /// redemptions under load were exactly those. A passive checkpoint copies what it can without taking the write
    /// lock, so writers go on meanwhile. SQLite starts the WAL over only when a write begins with every frame copied,
    /// which under steady writes never happens by itself (frames keep arriving while the checkpoint copies), so the
    /// WAL grew to the automatic checkpoint's threshold about once a second and that checkpoint ran in a commit
    /// again. So when a background checkpoint copied everything it saw, the next writer, holding the gate, first
    /// copies the few frames written meanwhile (a few milliseconds); its own write then starts the WAL over. The
    /// automatic checkpoint stays as the bound for a single huge write (a bulk code load).
    /// </summary>
    private void StartCheckpoint()
    {
        if (Interlocked.Increment(ref _writesSinceCheckpoint) < CheckpointEveryWrites)
        {
            return;
        }

        lock (_checkpointLock)
        {
            if (!_checkpoint.IsCompleted)
            {
                return;
            }

            Interlocked.Exchange(ref _writesSinceCheckpoint, 0);
            _checkpoint = Task.Run(CheckpointAsync);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await OpenRawAsync(CancellationToken.None);
            if (await CheckpointPassiveAsync(connection, CancellationToken.None))
            {
                Volatile.Write(ref _catchUp, 1);
            }
        }
        catch (SqliteException)
        {
            // The file could not be opened for it: the next round (or the automatic checkpoint) copies the frames.
        }
    }

    // True when every frame it saw was copied (its answer: busy, frames in the WAL, frames copied). Busy or interrupted
    // (a reader still on old frames), the WAL keeps its frames, and the next round (or the automatic checkpoint) copies them.
    private static async Task<bool> CheckpointPassiveAsync(SqliteConnection connection, CancellationToken ct)
    {
        try
        {
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await using var result = await checkpoint.ExecuteReaderAsync(ct);
            return await result.ReadAsync(ct) && result.GetInt64(0) == 0 && result.GetInt64(1) == result.GetInt64(2);
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private void DropWriter()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            SqliteCommands.ForgetReusable(writer);
            writer.Dispose();
        }
    }

    private async Task InitializeCoreAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(AssetsDirectory);
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await SchemaMigrator.ApplyAsync(connection, _migrations, CancellationToken.None);
        if (_afterMigrations is not null)
        {
            await _afterMigrations(connection);
        }
    }
}
