using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Reversals: planned from the redemption as read (its recorded lines, never today's promotion), written with the
/// redemption's update conditioned on the version that was read. Two reversals racing read the same version; one
/// commits, the other's condition fails and it plans again from what the first left, so nothing is given back twice.
/// </summary>
internal sealed partial class DynamoDbRedemptionLedger
{
    public async Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        GiveBack? giveBack = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await ReadAsync(command.RedemptionId, ct) is not { } record)
            {
                return LedgerRefusals.NoRedemption(command.RedemptionId);
            }

            var plan = ReversalPlanner.Plan(record.Redemption, command.Lines);
            if (!plan.IsSuccess)
            {
                return Result<Reversal>.Fail(plan.Errors);
            }

            var now = clock.GetUtcNow();
            var after = plan.Value.After with { UpdatedAt = now };
            var reversal = new Reversal(command.ReversalId, after.Id, plan.Value.Amount, after.Currency, plan.Value.Full, plan.Value.Lines, now, after);
            giveBack = await GiveBack.CreateAsync(dynamo, _table, layout, record, reversal.Amount, reversal.Full, giveBack, ct);
            List<TransactWriteItem> items = [record.Update(_table, after)];
            giveBack.AddTo(items);
            items.Add(LedgerRecord.PutReversal(_table, reversal));
            items.Add(OutboxItems.Put(_table, RedemptionEvents.Reversed(reversal, clock)));
            var keyAt = Complete(items, idempotency, reversal);
            var cancellation = await WriteAsync(items, ct);
            if (cancellation is null)
            {
                return reversal;
            }

            // A newer version (another reversal committed) or a give-back planned on a wrong guess: plan again.
            if (giveBack.Learn(cancellation) || cancellation.Failed(0))
            {
                continue;
            }

            return cancellation.Failed(keyAt)
                ? LedgerRefusals.Of(RedemptionRejections.IdempotencyInProgress)
                : throw Unexplained(command.RedemptionId, cancellation);
        }

        return new DomainError(RedemptionRejections.NothingToReverse, "The redemption kept changing while it was being reversed; retry.");
    }
}
