using System.Globalization;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Analytics;

/// <summary>
/// Writes a <see cref="WritePlan"/> transaction by transaction. A unit whose claim is refused was written before
/// (by an earlier delivery, or by the other side of a pair) and is dropped before the transaction is tried
/// again; a transaction that lost a race for an item (<c>TransactionConflict</c>) or was throttled is tried again
/// after a short random pause.
/// </summary>
internal sealed class PlanWriter(IAmazonDynamoDB dynamo, string table, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded",
    };

    /// <summary>Writes every unit not written yet; true when this call committed the event's own claim.</summary>
    public async Task<bool> WriteAsync(string eventType, IReadOnlyList<IReadOnlyList<WriteUnit>> plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var committedEvent = false;
        foreach (var transaction in plan)
        {
            var remaining = transaction.ToList();
            for (var attempt = 1; remaining.Count > 0; attempt++)
            {
                var (items, owners) = Items(remaining, eventType, at);
                try
                {
                    await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
                    {
                        TransactItems = items,

                        // A retry of this very request by the SDK (after a lost response) is then answered as the
                        // committed original instead of being refused by its own claims.
                        ClientRequestToken = Guid.NewGuid().ToString("N"),
                    }, ct);
                    committedEvent |= remaining.Any(u => u.ClaimsEvent);
                    remaining.Clear();
                }
                catch (TransactionCanceledException cancelled)
                {
                    var reasons = cancelled.CancellationReasons ?? [];
                    if (reasons.Any(r => r.Code is not null && Transient.Contains(r.Code)))
                    {
                        if (attempt >= MaxAttempts)
                        {
                            throw;
                        }

                        await PauseAsync(attempt, ct);
                        continue;
                    }

                    var written = Written(reasons, owners, cancelled);
                    if (written.Any(u => u.ClaimsEvent))
                    {
                        // Another delivery finished the event, after everything it adds.
                        return false;
                    }

                    remaining.RemoveAll(written.Contains);
                }
            }
        }

        return committedEvent;
    }

    private (List<TransactWriteItem> Items, List<(WriteUnit Unit, bool IsClaim)> Owners) Items(
        List<WriteUnit> units, string eventType, string at)
    {
        var items = new List<TransactWriteItem>();
        var owners = new List<(WriteUnit, bool)>();
        foreach (var unit in units)
        {
            items.Add(Claim(unit, eventType, at));
            owners.Add((unit, true));
            foreach (var cell in unit.Cells)
            {
                items.Add(cell.ToUpdate(table));
                owners.Add((unit, false));
            }
        }

        return (items, owners);
    }

    private TransactWriteItem Claim(WriteUnit unit, string eventType, string at)
    {
        var item = Attr.Key(unit.Claim.Pk, unit.Claim.Sk);
        item["type"] = Attr.S(eventType);
        item["at"] = Attr.S(at);
        return new TransactWriteItem { Put = new Put { TableName = table, Item = item, ConditionExpression = "attribute_not_exists(pk)" } };
    }

    // Only claims carry conditions, so a refused condition names a unit that is written already.
    private static HashSet<WriteUnit> Written(List<CancellationReason> reasons, List<(WriteUnit Unit, bool IsClaim)> owners, Exception cancelled)
    {
        var written = new HashSet<WriteUnit>();
        for (var i = 0; i < reasons.Count && i < owners.Count; i++)
        {
            if (reasons[i].Code == "ConditionalCheckFailed" && owners[i].IsClaim)
            {
                written.Add(owners[i].Unit);
            }
        }

        return written.Count > 0
            ? written
            : throw new InvalidOperationException("An analytics transaction was cancelled for a reason other than a written claim.", cancelled);
    }

    private static Task PauseAsync(int attempt, CancellationToken ct)
    {
        // Exponential with full jitter, so writers that collided on a hot cell do not collide again in step.
        var ceiling = Math.Min(1000, 20 << Math.Min(attempt, 6));
        return Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(ceiling / 2, ceiling)), ct);
    }
}
