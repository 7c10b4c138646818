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

    /// <summary>
    /// The most deliveries a distribution is handed over in on Step Functions (the items of its Map): each iteration
    /// costs about 7 history events of the execution's 25,000, and the list travels in one 256 KB payload.
    /// </summary>
    public const int MaxDeliveries = 1_000;

    /// <summary>The most stages of one plan that distribute codes: their deliveries share one execution's history.</summary>
    public const int MaxStagesPerPlan = 3;

    /// <summary>
    /// The deliveries of a distribution of about <paramref name="batches"/> batches: batch numbers to run through, in
    /// order, one per batch up to <see cref="MaxDeliveries"/> − 1 and evenly spaced beyond, then 0, "whatever remains"
    /// (the count is read before the first batch, and the segment may grow meanwhile).
    /// </summary>
    public static IReadOnlyList<int> Deliveries(int batches)
    {
        var step = Math.Max(1, (batches + MaxDeliveries - 2) / (MaxDeliveries - 1));
        var through = new List<int>();
        for (var n = step; n < batches; n += step)
        {
            through.Add(n);
        }

        through.Add(0);
        return through;
    }
}
