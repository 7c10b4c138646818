using System.Security.Cryptography;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// Idempotency keys in SQLite, one row per (caller, key). Begin runs in a write transaction, so two requests
/// with one key are decided one after the other: exactly one of them gets the lease.
/// </summary>
internal sealed class SqliteIdempotencyStore(SqliteDatabase storage, TimeProvider clock) : IIdempotencyStore
{
    public Task<IdempotencyBegin> BeginAsync(string scope, string key, string requestHash, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow().UtcTicks;
            var read = connection.Reusable(transaction,
                "SELECT request_hash, lease_until, status, body, location, expires_at FROM idempotency_keys WHERE scope = $scope AND key = $key;");
            {
                read.Parameters.AddWithValue("$scope", scope);
                read.Parameters.AddWithValue("$key", key);
                await using var reader = await read.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct) && reader.GetInt64(5) > now)
                {
                    if (!string.Equals(reader.GetString(0), requestHash, StringComparison.Ordinal))
                    {
                        return new IdempotencyBegin(IdempotencyState.Mismatch);
                    }

                    if (!reader.IsDBNull(2))
                    {
                        var location = reader.IsDBNull(4) ? null : reader.GetString(4);
                        return new IdempotencyBegin(IdempotencyState.Completed,
                            Response: new StoredResponse(reader.GetInt32(2), reader.GetString(3), location));
                    }

                    if (reader.GetInt64(1) > now)
                    {
                        return new IdempotencyBegin(IdempotencyState.InProgress);
                    }
                }
            }

            // New, past retention, or a lease its holder let run out (a process that died mid-request): take it.
            var lease = new IdempotencyLease(scope, key, requestHash, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
            var upsert = connection.Reusable(transaction, """
                INSERT INTO idempotency_keys (scope, key, request_hash, lease_token, lease_until, status, body, location, expires_at)
                VALUES ($scope, $key, $hash, $token, $leaseUntil, NULL, NULL, NULL, $expires)
                ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, lease_token = excluded.lease_token,
                    lease_until = excluded.lease_until, status = NULL, body = NULL, location = NULL, expires_at = excluded.expires_at;
                """);
            upsert.Parameters.AddWithValue("$scope", scope);
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$hash", requestHash);
            upsert.Parameters.AddWithValue("$token", lease.Token);
            upsert.Parameters.AddWithValue("$leaseUntil", now + IdempotencyWindow.Lease.Ticks);
            upsert.Parameters.AddWithValue("$expires", now + IdempotencyWindow.Retention.Ticks);
            await upsert.ExecuteNonQueryAsync(ct);
            return new IdempotencyBegin(IdempotencyState.Started, lease);
        }, ct);

    public Task<bool> CompleteAsync(IdempotencyLease lease, StoredResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(response);
        return storage.WriteAsync((connection, transaction) => IdempotencyRows.CompleteAsync(connection, transaction, lease, response, ct), ct);
    }

    public Task<int> PurgeExpiredAsync(int limit, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
        {
            using var delete = connection.Command(transaction, """
                DELETE FROM idempotency_keys
                WHERE (scope, key) IN (SELECT scope, key FROM idempotency_keys WHERE expires_at <= $now LIMIT $limit);
                """);
            delete.Parameters.AddWithValue("$now", clock.GetUtcNow().UtcTicks);
            delete.Parameters.AddWithValue("$limit", limit);
            return await delete.ExecuteNonQueryAsync(ct);
        }, ct);
}
