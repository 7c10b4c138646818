using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Plans;

/// <summary>The records of plan steps that ran, one row per (campaign, plan revision, stage index). Numbered from 600.</summary>
internal static class PlanMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(600, "plan steps", """
            CREATE TABLE plan_steps (
                campaign_id TEXT NOT NULL, revision INTEGER NOT NULL, step_index INTEGER NOT NULL, doc TEXT NOT NULL,
                PRIMARY KEY (campaign_id, revision, step_index)) WITHOUT ROWID;
            """),
    ];
}
