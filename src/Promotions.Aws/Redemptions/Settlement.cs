using Promotions.Domain.Common;

namespace Promotions.Aws.Redemptions;

/// <summary>How an attempt ended when DynamoDB cancelled it: a refusal to answer, or another attempt (from the record as it is now, when it changed).</summary>
internal readonly record struct Settlement(DomainError? Refusal, bool Reread, LedgerRecord? Current = null)
{
    public static Settlement Retry { get; } = new(null, false);

    /// <summary>The record changed: plan again from <paramref name="current"/>, its image as the cancellation returned it (null: read it).</summary>
    public static Settlement Stale(LedgerRecord? current) => new(null, true, current);

    public static Settlement Refuse(DomainError refusal) => new(refusal, false);
}
