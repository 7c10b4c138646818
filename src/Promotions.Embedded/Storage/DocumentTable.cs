using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Outbox;

namespace Promotions.Embedded.Storage;

/// <summary>
/// The versioned-document operations the entity stores share: conditional create, update and delete
/// (outcomes as <see cref="WriteStatus"/>, never exceptions) and keyset lists by id. The stores keep the
/// port-specific surface; this keeps the SQL of it in one place. Writes that report themselves pass their events,
/// which are appended to the outbox in the write's transaction only when the write took effect.
/// </summary>
internal sealed class DocumentTable<T>
    where T : class
{
    private readonly SqliteDatabase _database;
    private readonly DocumentSchema<T> _schema;
    private readonly string _insertSql;
    private readonly string _updateSql;

    public DocumentTable(SqliteDatabase database, DocumentSchema<T> schema)
    {
        _database = database;
        _schema = schema;
        var columns = schema.Columns.Select(c => c.Name).ToArray();
        var values = columns.Select((_, i) => $"$c{i}").ToArray();
        _insertSql = $"INSERT INTO {schema.Table} (id, version, doc{string.Concat(columns.Select(c => ", " + c))}) " +
            $"VALUES ($id, $version, $doc{string.Concat(values.Select(v => ", " + v))}) ON CONFLICT DO NOTHING;";

        // OR IGNORE: an update that would break a unique column changes nothing and is reported as Duplicate.
        _updateSql = $"UPDATE OR IGNORE {schema.Table} SET version = $version, doc = $doc" +
            string.Concat(columns.Select((c, i) => $", {c} = {values[i]}")) +
            " WHERE id = $id AND version = $expected;";
    }

    /// <summary>A condition on membership of the member table, for <see cref="SqlConditions.Add(string, object?)"/>.</summary>
    public string MemberClause => $"id IN (SELECT owner_id FROM {_schema.MemberTable} WHERE value = {{0}})";

    public async Task<T?> GetAsync(string id, CancellationToken ct)
    {
        var rows = await QueryAsync(new SqlConditions().Equal("id", id), "LIMIT 1", ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<List<T>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids as IReadOnlyList<string> ?? [.. ids];
        var json = JsonSerializer.Serialize(list, DocumentJson.Default.IReadOnlyListString);
        return QueryAsync(new SqlConditions().Add("id IN (SELECT value FROM json_each({0}))", json), "", ct);
    }

    public Task<List<T>> ListAllAsync(SqlConditions where, CancellationToken ct) => QueryAsync(where, "", ct);

    public async Task<Page<T>> ListAsync(SqlConditions where, ListQuery page, CancellationToken ct)
    {
        var fetch = Pages.FetchSize(page);
        var rows = await QueryAsync(where.Add("id > {0}", page.After), $"LIMIT {fetch}", ct);
        return Pages.ToPage(rows, page.Limit, _schema.Id);
    }

    public Task<WriteResult<T>> CreateAsync(T item, CancellationToken ct) => CreateAsync(item, [], ct);

    public Task<WriteResult<T>> CreateAsync(T item, IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(item);
        var stored = _schema.WithVersion(item, 1);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            if (await ExecuteAsync(connection, transaction, _insertSql, stored, null, ct) == 0)
            {
                return new WriteResult<T>(WriteStatus.Duplicate);
            }

            await ReplaceMembersAsync(connection, transaction, stored, ct);
            await AppendAsync(connection, transaction, events, ct);
            return new WriteResult<T>(WriteStatus.Written, stored);
        }, ct);
    }

    public Task<WriteResult<T>> UpdateAsync(T item, long expectedVersion, CancellationToken ct) => UpdateAsync(item, expectedVersion, [], ct);

    public Task<WriteResult<T>> UpdateAsync(T item, long expectedVersion, IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(item);
        var stored = _schema.WithVersion(item, expectedVersion + 1);
        return _database.WriteAsync(async (connection, transaction) =>
        {
            if (await UpdateInAsync(connection, transaction, item, expectedVersion, events, ct))
            {
                return new WriteResult<T>(WriteStatus.Written, stored);
            }

            var status = await VersionAsync(connection, transaction, _schema.Id(item), ct) switch
            {
                null => WriteStatus.NotFound,
                var v when v == expectedVersion => WriteStatus.Duplicate,
                _ => WriteStatus.VersionConflict,
            };
            return new WriteResult<T>(status);
        }, ct);
    }

    /// <summary>
    /// The update of <see cref="UpdateAsync(T, long, IReadOnlyList{DomainEvent}, CancellationToken)"/> inside a transaction
    /// the caller holds (a write of several items): true when the stored version was <paramref name="expectedVersion"/>
    /// and the item, its members and its events are written.
    /// </summary>
    public async Task<bool> UpdateInAsync(
        SqliteConnection connection, SqliteTransaction transaction, T item, long expectedVersion, IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        var stored = _schema.WithVersion(item, expectedVersion + 1);
        if (await ExecuteAsync(connection, transaction, _updateSql, stored, expectedVersion, ct) != 1)
        {
            return false;
        }

        await ReplaceMembersAsync(connection, transaction, stored, ct);
        await AppendAsync(connection, transaction, events, ct);
        return true;
    }

    /// <summary>The stored version of <paramref name="id"/> inside a transaction the caller holds; null when there is none.</summary>
    public Task<long?> VersionInAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken ct) =>
        VersionAsync(connection, transaction, id, ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) =>
        _database.WriteAsync(async (connection, transaction) =>
        {
            using var command = connection.Command(transaction, $"DELETE FROM {_schema.Table} WHERE id = $id AND version = $expected;");
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$expected", expectedVersion);
            if (await command.ExecuteNonQueryAsync(ct) == 1)
            {
                return WriteStatus.Written;
            }

            return await VersionAsync(connection, transaction, id, ct) is null ? WriteStatus.NotFound : WriteStatus.VersionConflict;
        }, ct);

    private static async Task AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        foreach (var domainEvent in events)
        {
            await OutboxRows.AppendAsync(connection, transaction, domainEvent, ct);
        }
    }

    private Task<List<T>> QueryAsync(SqlConditions where, string tail, CancellationToken ct) =>
        Documents.ReadAsync(_database, _schema.Table, where, tail, _schema.Json, ct);

    private async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, T stored, long? expectedVersion, CancellationToken ct)
    {
        using var command = connection.Command(transaction, sql);
        command.Parameters.AddWithValue("$id", _schema.Id(stored));
        command.Parameters.AddWithValue("$version", expectedVersion + 1 ?? 1);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(stored, _schema.Json));
        for (var i = 0; i < _schema.Columns.Count; i++)
        {
            command.Parameters.AddWithValue($"$c{i}", _schema.Columns[i].Value(stored) ?? DBNull.Value);
        }

        if (expectedVersion is { } expected)
        {
            command.Parameters.AddWithValue("$expected", expected);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task ReplaceMembersAsync(SqliteConnection connection, SqliteTransaction transaction, T stored, CancellationToken ct)
    {
        if (_schema.Members is null)
        {
            return;
        }

        using var clear = connection.Command(transaction, $"DELETE FROM {_schema.MemberTable} WHERE owner_id = $id;");
        clear.Parameters.AddWithValue("$id", _schema.Id(stored));
        await clear.ExecuteNonQueryAsync(ct);

        using var insert = connection.Command(transaction, $"INSERT OR IGNORE INTO {_schema.MemberTable} (value, owner_id) VALUES ($value, $id);");
        insert.Parameters.AddWithValue("$id", _schema.Id(stored));
        var value = insert.Parameters.Add("$value", SqliteType.Text);
        foreach (var member in _schema.Members(stored))
        {
            value.Value = member;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<long?> VersionAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken ct)
    {
        using var command = connection.Command(transaction, $"SELECT version FROM {_schema.Table} WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(ct) as long?;
    }
}
