namespace Promotions.Domain.Plans;

/// <summary>
/// The limits of a <c>distribute_codes</c> change. A batch is written in one transaction (each customer's code
/// assigned, each customer's claim on the pool, the distribution's progress and the batch's event): on DynamoDB that is
/// one <c>TransactWriteItems</c> of at most 100 items, two per customer plus two, hence <see cref="MaxBatchSize"/>.
/// </summary>
public static class CodeDistribution
{
    /// <summary>The most customers of one batch.</summary>
    public const int MaxBatchSize = 48;

    /// <summary>The batch size when the change names none.</summary>
    public const int DefaultBatchSize = MaxBatchSize;

    /// <summary>The result reported in the step's record for a distribution: its progress is the distribution's own record.</summary>
    public const string Started = "started";

    /// <summary>The batch size of a change: its own, or the default.</summary>
    public static int BatchSizeOf(StageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.BatchSize ?? DefaultBatchSize;
    }
}
