using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// <c>TransactWriteItems</c> with its expected failure as a value: the cancellation reasons (one per item, in item
/// order) when a condition failed. Transactions on the same item at the same time cancel each other
/// (<c>TransactionConflict</c>); the SDK does not retry those, so they are retried here with a jittered backoff, as
/// is throttling. Anything else is not an expected outcome and is thrown.
/// </summary>
internal static class Transactions
{
    public const string ConditionalCheckFailed = "ConditionalCheckFailed";

    private const int MaxAttempts = 10;

    /// <summary>Null when the transaction committed; the cancellation reasons when a condition refused it.</summary>
    public static async Task<IReadOnlyList<CancellationReason>?> WriteAsync(IAmazonDynamoDB dynamo, List<TransactWriteItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, ct);
                return null;
            }
            catch (TransactionCanceledException e) when (Refused(e.CancellationReasons))
            {
                return e.CancellationReasons;
            }
            catch (TransactionCanceledException e) when (attempt < MaxAttempts && Retryable(e.CancellationReasons))
            {
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>
    /// Runs a single-item write, again after a jittered wait while it meets a transaction in progress on its item
    /// (<c>TransactionConflictException</c>, which the SDK does not retry either).
    /// </summary>
    public static async Task SingleAsync(Func<Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (TransactionConflictException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>Whether the reason of item <paramref name="index"/> is a failed condition.</summary>
    public static bool Failed(IReadOnlyList<CancellationReason> reasons, int index) =>
        index < reasons.Count && reasons[index].Code == ConditionalCheckFailed;

    private static bool Refused(List<CancellationReason>? reasons) => reasons is not null && reasons.Any(r => r.Code == ConditionalCheckFailed);

    private static bool Retryable(List<CancellationReason>? reasons) =>
        reasons is not null && reasons.Any(r => r.Code is "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded");

    // 10 ms doubling to about 2.5 s, each wait drawn from its upper half so colliding writers spread out.
    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = 10.0 * Math.Pow(2, Math.Min(attempt, 8));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
