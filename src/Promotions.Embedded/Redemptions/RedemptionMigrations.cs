using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// The ledger's tables (numbered from 101, apart from the catalog's migrations). Counters are one row per
/// limit (<c>promotion#…</c>, <c>customer#…#…</c>, <c>budget#…</c>) so every limit is a single conditional
/// UPDATE, as it will be a single conditional item update on DynamoDB; code uses stay on the <c>codes</c> row.
/// Money is in minor units (integers), so a budget comparison is exact. Support finds an order's redemptions by
/// <c>order_id</c> and those that used a code by <c>redemption_codes</c> (one row per distinct code of a record),
/// both newest first by <c>redeemed_at</c> (UTC ticks; rows older than the columns are filled from the document).
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
        new(102, "redemptions by order and by code", """
            ALTER TABLE redemptions ADD COLUMN order_id TEXT;
            ALTER TABLE redemptions ADD COLUMN redeemed_at INTEGER;
            UPDATE redemptions SET order_id = json_extract(doc, '$.orderId'),
                redeemed_at = CAST((julianday(json_extract(doc, '$.redeemedAt')) - 1721425.5) * 864000000000 AS INTEGER);
            CREATE INDEX redemptions_by_order ON redemptions (order_id, redeemed_at);

            CREATE TABLE redemption_codes (
                code TEXT NOT NULL, redeemed_at INTEGER NOT NULL, redemption_id TEXT NOT NULL,
                PRIMARY KEY (code, redeemed_at, redemption_id)) WITHOUT ROWID;
            INSERT OR IGNORE INTO redemption_codes (code, redeemed_at, redemption_id)
                SELECT json_extract(part.value, '$.code'), r.redeemed_at, r.id
                FROM redemptions r, json_each(r.doc, '$.redemptions') part
                WHERE json_extract(part.value, '$.code') IS NOT NULL;
            INSERT OR IGNORE INTO redemption_codes (code, redeemed_at, redemption_id)
                SELECT json_extract(r.doc, '$.code'), r.redeemed_at, r.id FROM redemptions r
                WHERE json_extract(r.doc, '$.redemptions') IS NULL AND json_extract(r.doc, '$.code') IS NOT NULL;
            """),
    ];
}
