using Promotions.Embedded.Assets;
using Promotions.Embedded.CodeAttempts;
using Promotions.Embedded.Customers;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Plans;
using Promotions.Embedded.Redemptions;

namespace Promotions.Embedded.Storage;

/// <summary>
/// The schema, as numbered scripts. Documents are JSON in <c>doc</c> beside the columns their filters need
/// (times as UTC ticks, so they compare as integers); set-valued filters (a promotion's channels, a
/// customer's segments) live in member tables indexed by value.
/// </summary>
internal static class Migrations
{
    /// <summary>
    /// The catalog's scripts and every feature's (outbox, ledger, asset sessions, sealed customers, code attempts), applied together at start so
    /// no request ever changes the schema under a reader. Analytics has a file of its own (<see cref="Analytics.AnalyticsDatabase"/>).
    /// </summary>
    public static IReadOnlyList<Migration> Everything =>
        [.. All, .. OutboxMigrations.All, .. RedemptionMigrations.All, .. AssetMigrations.All,
            .. CustomerMigrations.All, .. CodeAttemptMigrations.All, .. PlanMigrations.All];

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "documents", """
            CREATE TABLE campaign_types (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);

            CREATE TABLE campaigns (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL,
                status TEXT NOT NULL, campaign_type_id TEXT, owner TEXT);
            CREATE INDEX campaigns_by_status ON campaigns (status, id);
            CREATE INDEX campaigns_by_type ON campaigns (campaign_type_id, id);
            CREATE INDEX campaigns_by_owner ON campaigns (owner, id);

            CREATE TABLE promotions (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL,
                campaign_id TEXT NOT NULL, status TEXT NOT NULL, kind TEXT NOT NULL, starts_at INTEGER, ends_at INTEGER);
            CREATE INDEX promotions_by_campaign ON promotions (campaign_id, id);
            CREATE INDEX promotions_by_status ON promotions (status, id);
            CREATE TABLE promotion_channels (
                value TEXT NOT NULL, owner_id TEXT NOT NULL REFERENCES promotions (id) ON DELETE CASCADE,
                PRIMARY KEY (value, owner_id)) WITHOUT ROWID;
            CREATE INDEX promotion_channels_by_owner ON promotion_channels (owner_id);

            CREATE TABLE segments (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);

            CREATE TABLE customers (
                id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL,
                email_lower TEXT UNIQUE);
            CREATE TABLE customer_segments (
                value TEXT NOT NULL, owner_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                PRIMARY KEY (value, owner_id)) WITHOUT ROWID;
            CREATE INDEX customer_segments_by_owner ON customer_segments (owner_id);
            """),
        new(2, "codes, jobs and assets", """
            CREATE TABLE codes (
                code TEXT PRIMARY KEY, id TEXT NOT NULL, promotion_id TEXT NOT NULL,
                uses INTEGER NOT NULL, max_uses INTEGER NOT NULL, active INTEGER NOT NULL,
                expires_at INTEGER, assigned_customer_id TEXT) WITHOUT ROWID;
            CREATE INDEX codes_by_promotion ON codes (promotion_id, id);

            CREATE TABLE code_jobs (id TEXT PRIMARY KEY, state TEXT NOT NULL, doc TEXT NOT NULL);
            CREATE INDEX code_jobs_by_state ON code_jobs (state, id);

            CREATE TABLE assets (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
            """),
        new(3, "promotion search", """
            CREATE TABLE promotion_search (
                seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL, kind TEXT NOT NULL, campaign_id TEXT NOT NULL,
                starts_at INTEGER, ends_at INTEGER, channels TEXT NOT NULL);
            CREATE VIRTUAL TABLE promotion_text USING fts5 (name, description, tokenize = 'unicode61 remove_diacritics 2');
            """),

        // Keyed by the random code, every batch of a bulk load rewrote nearly every page of the whole table.
        // Rows now append in insertion order and only the narrow unique index on the code takes random writes.
        new(4, "codes appended, unique by code", """
            CREATE TABLE codes_appended (
                seq INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, id TEXT NOT NULL, promotion_id TEXT NOT NULL,
                uses INTEGER NOT NULL, max_uses INTEGER NOT NULL, active INTEGER NOT NULL,
                expires_at INTEGER, assigned_customer_id TEXT);
            INSERT INTO codes_appended (code, id, promotion_id, uses, max_uses, active, expires_at, assigned_customer_id)
                SELECT code, id, promotion_id, uses, max_uses, active, expires_at, assigned_customer_id FROM codes ORDER BY promotion_id, id;
            DROP TABLE codes;
            ALTER TABLE codes_appended RENAME TO codes;
            CREATE INDEX codes_by_promotion ON codes (promotion_id, id);
            """),
    ];
}
