using Microsoft.Data.Sqlite;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>Completing an idempotency key inside whatever transaction the caller runs.</summary>
internal static class IdempotencyRows
{
    /// <summary>Stores the response if <paramref name="lease"/> still holds the key; false when it was taken over.</summary>
    public static async Task<bool> CompleteAsync(
        SqliteConnection connection, SqliteTransaction transaction, IdempotencyLease lease, StoredResponse response, CancellationToken ct)
    {
        var update = connection.Reusable(transaction, """
            UPDATE idempotency_keys SET status = $status, body = $body, location = $location, lease_token = NULL, lease_until = NULL
            WHERE scope = $scope AND key = $key AND request_hash = $hash AND lease_token = $token AND status IS NULL;
            """);
        update.Parameters.AddWithValue("$status", response.Status);
        update.Parameters.AddWithValue("$body", response.Body);
        update.Parameters.AddWithValue("$location", (object?)response.Location ?? DBNull.Value);
        update.Parameters.AddWithValue("$scope", lease.Scope);
        update.Parameters.AddWithValue("$key", lease.Key);
        update.Parameters.AddWithValue("$hash", lease.RequestHash);
        update.Parameters.AddWithValue("$token", lease.Token);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }
}
