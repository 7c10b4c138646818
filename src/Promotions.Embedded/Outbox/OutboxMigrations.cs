using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Outbox;

/// <summary>
/// The outbox table. Numbered from 100 so it never collides with the catalog's migrations (1, 2, 3, …);
/// <c>seq</c> orders the outbox and the partial index keeps the pending scan proportional to what is pending.
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
    ];
}
