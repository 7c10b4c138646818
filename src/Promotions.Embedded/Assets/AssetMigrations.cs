using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Assets;

/// <summary>
/// Upload sessions in the assets table. Numbered from 300 so they never collide with the catalog's migrations
/// or another feature's; existing rows are ready assets, and the partial index keeps the sweep of abandoned
/// sessions proportional to what is pending.
/// </summary>
internal static class AssetMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(300, "asset upload sessions", """
            ALTER TABLE assets ADD COLUMN status TEXT NOT NULL DEFAULT 'ready';
            ALTER TABLE assets ADD COLUMN pending_until INTEGER;
            CREATE INDEX assets_pending_by_deadline ON assets (pending_until) WHERE status = 'pending';
            """),
    ];
}
