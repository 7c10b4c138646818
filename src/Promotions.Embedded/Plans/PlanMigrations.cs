using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Plans;

/// <summary>
/// The records of plan steps that ran, one row per (campaign, plan revision, stage index), and the code distributions of
/// their <c>distribute_codes</c> changes: each one's progress, and one claim per (promotion, customer). Numbered from 600.
/// </summary>
internal static class PlanMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(600, "plan steps", """
            CREATE TABLE plan_steps (
                campaign_id TEXT NOT NULL, revision INTEGER NOT NULL, step_index INTEGER NOT NULL, doc TEXT NOT NULL,
                PRIMARY KEY (campaign_id, revision, step_index)) WITHOUT ROWID;
            """),
        new(601, "code distributions", """
            CREATE TABLE code_distributions (
                campaign_id TEXT NOT NULL, revision INTEGER NOT NULL, step_index INTEGER NOT NULL, change_index INTEGER NOT NULL,
                batches INTEGER NOT NULL, state TEXT NOT NULL, doc TEXT NOT NULL,
                PRIMARY KEY (campaign_id, revision, step_index, change_index)) WITHOUT ROWID;
            CREATE TABLE distributed_codes (
                promotion_id TEXT NOT NULL, customer_id TEXT NOT NULL, code TEXT NOT NULL, campaign_id TEXT NOT NULL,
                revision INTEGER NOT NULL, step_index INTEGER NOT NULL, change_index INTEGER NOT NULL, batch INTEGER NOT NULL,
                PRIMARY KEY (promotion_id, customer_id)) WITHOUT ROWID;
            """),
    ];
}
