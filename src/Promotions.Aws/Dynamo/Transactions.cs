using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// Runs one <c>TransactWriteItems</c> and tells a refusal (a condition failed: the caller decides what it means) from
/// a commit. A cancellation that is only contention (another transaction on one of the items, throttling) is tried
/// again after a jittered, growing pause, a bounded number of times; past that bound it is thrown, since the
/// transaction neither committed nor was refused. The SDK retries neither of those itself.
/// </summary>
internal static class Transactions
{
    public const string ConditionalCheckFailed = Cancellation.ConditionFailed;

    public const int TransientAttempts = 8;

    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>Null when the transaction committed; the reasons when one of its conditions failed.</summary>
    public static async Task<Cancellation?> TryWriteAsync(IAmazonDynamoDB dynamo, List<TransactWriteItem> items, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The token makes the SDK's own retries of this request (a lost response) idempotent: a retry of a
                // transaction that committed answers success instead of running its conditions again.
                await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
                {
                    TransactItems = items,
                    ClientRequestToken = Guid.NewGuid().ToString("N"),
                }, ct);
                return null;
            }
            catch (TransactionCanceledException e)
            {
                var cancellation = new Cancellation(e.CancellationReasons ?? []);
                if (cancellation.AnyConditionFailed)
                {
                    return cancellation;
                }

                if (!cancellation.Transient || attempt >= TransientAttempts)
                {
                    throw;
                }

                // A pause of wall time between network calls (not domain time), so not the injected clock.
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>Null when the transaction committed; the cancellation reasons (one per item) when a condition refused it.</summary>
    public static async Task<IReadOnlyList<CancellationReason>?> WriteAsync(IAmazonDynamoDB dynamo, List<TransactWriteItem> items, CancellationToken ct) =>
        (await TryWriteAsync(dynamo, items, ct))?.Reasons;

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
            catch (TransactionConflictException) when (attempt < TransientAttempts)
            {
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>Whether the reason of item <paramref name="index"/> is a failed condition.</summary>
    public static bool Failed(IReadOnlyList<CancellationReason> reasons, int index) =>
        index < reasons.Count && reasons[index].Code == ConditionalCheckFailed;

    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
#pragma warning disable CA5394 // Jitter spreads retries apart; it needs no unpredictability.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}
