using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// The ledger's tables (numbered from 101, apart from the catalog's migrations). Counters are one row per
/// limit (<c>promotion#…</c>, <c>customer#…#…</c>, <c>budget#…</c>) so every limit is a single conditional
/// UPDATE, as it will be a single conditional item update on DynamoDB; code uses stay on the <c>codes</c> row.
/// Money is in minor units (integers), so a budget comparison is exact.
/// </summary>
internal static class RedemptionMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(101, "redemption ledger", """
            CREATE TABLE redemption_counters (
                key TEXT PRIMARY KEY, used INTEGER NOT NULL CHECK (used >= 0), cap INTEGER, currency TEXT) WITHOUT ROWID;

            CREATE TABLE redemptions (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, status TEXT NOT NULL, promotion_id TEXT NOT NULL,
                customer_id TEXT, expires_at INTEGER, doc TEXT NOT NULL);
            CREATE INDEX redemptions_by_promotion ON redemptions (promotion_id, id);
            CREATE INDEX redemptions_holds_by_expiry ON redemptions (expires_at) WHERE status = 'Reserved';

            CREATE TABLE redemption_reversals (id TEXT PRIMARY KEY, redemption_id TEXT NOT NULL, doc TEXT NOT NULL);
            CREATE INDEX redemption_reversals_by_redemption ON redemption_reversals (redemption_id, id);

            CREATE TABLE idempotency_keys (
                scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
                lease_token TEXT, lease_until INTEGER, status INTEGER, body TEXT, location TEXT,
                expires_at INTEGER NOT NULL,
                PRIMARY KEY (scope, key)) WITHOUT ROWID;
            CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
            """),
    ];
}
