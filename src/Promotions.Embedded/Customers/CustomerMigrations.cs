using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Customers;

/// <summary>
/// Customers' personal data sealed (numbered from 400, like every feature's own migrations). SQL cannot encrypt, so the
/// script only makes room: a unique <c>email_hash</c> column for the keyed hash, and <c>sealed</c>, 0 for every row
/// written before (the default) and 1 for rows whose e-mail and name are sealed. <see cref="PlaintextCustomers"/> seals
/// the rows still at 0 when the store starts, with the key ring, before any customer is read or written. The old
/// lower-cased address column keeps its unique index until its row is converted and is then cleared; SQLite cannot drop
/// a unique column without rebuilding a table that <c>customer_segments</c> refers to, so it stays, empty, by a name that says so.
/// </summary>
internal static class CustomerMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(400, "customers' personal data sealed", """
            ALTER TABLE customers RENAME COLUMN email_lower TO legacy_email_lower;
            ALTER TABLE customers ADD COLUMN email_hash TEXT;
            ALTER TABLE customers ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
            CREATE UNIQUE INDEX customers_by_email_hash ON customers (email_hash);
            CREATE INDEX customers_unsealed ON customers (id) WHERE sealed = 0;
            """),
    ];
}
