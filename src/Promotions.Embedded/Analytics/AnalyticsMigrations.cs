using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// The analytics tables, numbered from 200 apart from the catalog's, the ledger's and the outbox's. Cells
/// are additive sums keyed by scope, breakdown, UTC day and currency, money in minor units so sums are exact;
/// customers are a set per cell, so distinct counts are exact over any range; facts keep the events later
/// events must join; processed holds every event id applied, written in the transaction of its sums.
/// </summary>
internal static class AnalyticsMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(200, "analytics", """
            CREATE TABLE analytics_processed (
                event_id TEXT PRIMARY KEY, type TEXT NOT NULL, processed_at INTEGER NOT NULL) WITHOUT ROWID;

            CREATE TABLE analytics_facts (
                event_id TEXT PRIMARY KEY, join_key TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX analytics_facts_by_key ON analytics_facts (join_key, type);

            CREATE TABLE analytics_links (
                promotion_id TEXT NOT NULL, campaign_id TEXT NOT NULL, PRIMARY KEY (promotion_id, campaign_id)) WITHOUT ROWID;

            CREATE TABLE analytics_cells (
                scope TEXT NOT NULL, scope_id TEXT NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
                day TEXT NOT NULL, currency TEXT NOT NULL,
                redemptions INTEGER NOT NULL, reversals INTEGER NOT NULL, full_reversals INTEGER NOT NULL,
                code_redemptions INTEGER NOT NULL, codes_issued INTEGER NOT NULL,
                discount_given INTEGER NOT NULL, discount_reversed INTEGER NOT NULL,
                order_revenue INTEGER NOT NULL, revenue_reversed INTEGER NOT NULL,
                PRIMARY KEY (scope, scope_id, dimension, value, day, currency)) WITHOUT ROWID;

            CREATE TABLE analytics_customers (
                scope TEXT NOT NULL, scope_id TEXT NOT NULL, dimension TEXT NOT NULL, value TEXT NOT NULL,
                day TEXT NOT NULL, currency TEXT NOT NULL, customer_id TEXT NOT NULL,
                PRIMARY KEY (scope, scope_id, dimension, value, day, currency, customer_id)) WITHOUT ROWID;

            CREATE TABLE analytics_parked (
                event_id TEXT PRIMARY KEY, type TEXT NOT NULL, version INTEGER NOT NULL, envelope TEXT NOT NULL,
                parked_at INTEGER NOT NULL) WITHOUT ROWID;
            """),
    ];
}
