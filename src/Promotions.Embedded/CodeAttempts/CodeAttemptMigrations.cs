using Promotions.Embedded.Storage;

namespace Promotions.Embedded.CodeAttempts;

/// <summary>
/// Counts of unknown codes per caller and customer (numbered from 500, apart from every other feature's). Times are
/// UTC ticks; <c>keep_until</c> is when a row stops mattering, so expired rows can be dropped by an indexed range.
/// </summary>
internal static class CodeAttemptMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(500, "code attempts", """
            CREATE TABLE code_attempts (
                key TEXT PRIMARY KEY, window_start INTEGER NOT NULL, unknown INTEGER NOT NULL CHECK (unknown >= 0),
                locked_until INTEGER, keep_until INTEGER NOT NULL) WITHOUT ROWID;
            CREATE INDEX code_attempts_by_keep_until ON code_attempts (keep_until);
            """),
    ];
}
