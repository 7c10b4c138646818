using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Codes;

/// <summary>Code jobs in SQLite: the job as a document, its state as a column for the restart query.</summary>
internal sealed class SqliteCodeJobStore(SqliteDatabase database) : ICodeJobStore
{
    private const string Unfinished = $"state IN ('{nameof(CodeJobState.Queued)}', '{nameof(CodeJobState.Running)}')";

    public Task CreateAsync(CodeJob job, CancellationToken ct) =>
        WriteAsync("INSERT INTO code_jobs (id, state, doc) VALUES ($id, $state, $doc);", job, ct);

    public async Task<CodeJob?> GetAsync(string id, CancellationToken ct)
    {
        var found = await ReadAsync(new SqlConditions().Equal("id", id), ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Replaces the stored job (or stores it, should the runner save before the job was created).</summary>
    public Task SaveAsync(CodeJob job, CancellationToken ct) =>
        WriteAsync(
            "INSERT INTO code_jobs (id, state, doc) VALUES ($id, $state, $doc) ON CONFLICT (id) DO UPDATE SET state = excluded.state, doc = excluded.doc;",
            job,
            ct);

    public async Task<IReadOnlyList<CodeJob>> ListUnfinishedAsync(CancellationToken ct) =>
        await ReadAsync(new SqlConditions().Add(Unfinished), ct);

    /// <summary>Read and rewrite in one write transaction: no other writer can claim the job in between.</summary>
    public Task<CodeJob?> ClaimAsync(string id, DateTimeOffset? leaseUntil, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            using var read = connection.Command(transaction, $"SELECT doc FROM code_jobs WHERE id = $id AND state = '{nameof(CodeJobState.Queued)}';");
            read.Parameters.AddWithValue("$id", id);
            if (await read.ExecuteScalarAsync(ct) is not string doc)
            {
                return null;
            }

            var queued = JsonSerializer.Deserialize(doc, DocumentJson.Default.CodeJob)
                ?? throw new InvalidDataException($"Code job {id} holds a null document.");
            var running = queued with { State = CodeJobState.Running, LeaseUntil = leaseUntil };
            using var write = connection.Command(transaction, "UPDATE code_jobs SET state = $state, doc = $doc WHERE id = $id;");
            Bind(write, running);
            await write.ExecuteNonQueryAsync(ct);
            return running;
        }, ct);

    private Task<int> WriteAsync(string sql, CodeJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        return database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, sql);
            Bind(command, job);
            return await command.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    private static void Bind(SqliteCommand command, CodeJob job)
    {
        command.Parameters.AddWithValue("$id", job.Id);
        command.Parameters.AddWithValue("$state", job.State.ToString());
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(job, DocumentJson.Default.CodeJob));
    }

    private Task<List<CodeJob>> ReadAsync(SqlConditions where, CancellationToken ct) =>
        Documents.ReadAsync(database, "code_jobs", where, "", DocumentJson.Default.CodeJob, ct);
}
