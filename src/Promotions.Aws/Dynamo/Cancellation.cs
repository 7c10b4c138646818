using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// Why DynamoDB cancelled a transaction: one reason per item, in the order of the request (<c>None</c> for an item
/// that passed). The item's old image is there when it failed a condition and asked for <c>ALL_OLD</c>.
/// </summary>
internal sealed class Cancellation(IReadOnlyList<CancellationReason> reasons)
{
    public const string ConditionFailed = "ConditionalCheckFailed";

    // Busy, not refused: the same transaction may pass when tried again a moment later.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded",
    };

    /// <summary>The reasons as DynamoDB gave them, one per item of the request.</summary>
    public IReadOnlyList<CancellationReason> Reasons => reasons;

    public bool AnyConditionFailed => reasons.Any(static r => r.Code == ConditionFailed);

    public bool Transient => reasons.Any(static r => r.Code is { } code && TransientCodes.Contains(code));

    /// <summary>True when item <paramref name="index"/> (null: not in the transaction) failed its condition.</summary>
    public bool Failed(int? index) => index is { } i && i < reasons.Count && reasons[i].Code == ConditionFailed;

    /// <summary>The old image of item <paramref name="index"/> when it failed its condition and existed.</summary>
    public Dictionary<string, AttributeValue>? Old(int? index) =>
        index is { } i && i < reasons.Count && reasons[i].Item is { Count: > 0 } item ? item : null;

    public override string ToString() => string.Join(", ", reasons.Select(static r => r.Code ?? "None"));
}
