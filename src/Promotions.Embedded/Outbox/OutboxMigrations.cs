using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Outbox;

/// <summary>
/// The outbox table and its delivery failures. Numbered from 100 so it never collides with the catalog's migrations
/// (1, 2, 3, …); <c>seq</c> orders the outbox and the partial index keeps the pending scan proportional to what is pending.
/// </summary>
internal static class OutboxMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(100, "outbox", """
            CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
                version INTEGER NOT NULL, occurred_at INTEGER NOT NULL, payload TEXT NOT NULL, dispatched_at INTEGER);
            CREATE INDEX outbox_pending ON outbox (seq) WHERE dispatched_at IS NULL;
            """),

        // A consumer's failures on an event: counted, spaced out (retry_at), and parked after the last try
        // (parked_at), so one event a consumer cannot take never holds back the ones behind it (docs/analytics.md).
        new(110, "outbox delivery failures", """
            CREATE TABLE outbox_failures (
                event_id TEXT NOT NULL, consumer TEXT NOT NULL, type TEXT NOT NULL, attempts INTEGER NOT NULL,
                last_error TEXT NOT NULL, failed_at INTEGER NOT NULL, retry_at INTEGER, parked_at INTEGER,
                PRIMARY KEY (event_id, consumer));
            CREATE INDEX outbox_failures_parked ON outbox_failures (parked_at, event_id) WHERE parked_at IS NOT NULL;
            """),
    ];
}
