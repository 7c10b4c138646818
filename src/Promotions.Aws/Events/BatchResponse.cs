namespace Promotions.Aws.Events;

/// <summary>
/// The partial batch response of <c>ReportBatchItemFailures</c>: for a stream, the sequence number Lambda
/// retries the shard from; an empty list accepts the whole batch.
/// </summary>
public sealed record BatchResponse(IReadOnlyList<BatchItemFailure> BatchItemFailures)
{
    public static BatchResponse None { get; } = new([]);
}
