using Promotions.Domain.Codes;
using Promotions.Domain.Events;

namespace Promotions.Domain.Plans;

/// <summary>
/// One batch of a distribution, written in one transaction: the progress after it, conditioned on the batch count it
/// was read at (<paramref name="ExpectedBatches"/>; 0: no progress stored yet) and on its still running; each code
/// assigned to its customer, conditioned on the code being active, unused and unassigned; each customer's claim on the
/// promotion's pool, conditioned on the customer having none; and the batch's event (none for the closing write of a
/// distribution whose last batch was full).
/// </summary>
public sealed record DistributionBatch(
    DistributionProgress Progress,
    int ExpectedBatches,
    IReadOnlyList<DistributedCode> Codes,
    CodesDistributed? Event);
