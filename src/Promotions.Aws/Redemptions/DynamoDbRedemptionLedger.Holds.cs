using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Confirming, releasing and expiring holds. Each is one transaction whose redemption update carries
/// <c>status = Reserved AND version = v</c>: of a confirm and an expiry racing, whichever commits first wins and
/// the other's condition fails, and the old image it returns says what the hold became.
/// </summary>
internal sealed partial class DynamoDbRedemptionLedger
{
    public async Task<Result<Redemption>> ConfirmAsync(string reservationId, Idempotent<Redemption>? idempotency, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var hold = await LiveHoldAsync(reservationId, ct);
            if (!hold.IsSuccess)
            {
                return Result<Redemption>.Fail(hold.Errors);
            }

            var record = hold.Value;
            var confirmed = record.Redemption with { Status = RedemptionStatus.Confirmed, ExpiresAt = null, UpdatedAt = clock.GetUtcNow() };
            List<TransactWriteItem> items = [record.Update(_table, confirmed, RedemptionStatus.Reserved), OutboxItems.Put(_table, RedemptionEvents.Recorded(confirmed, clock))];
            var keyAt = Complete(items, idempotency, confirmed);
            var cancellation = await WriteAsync(items, ct);
            if (cancellation is null)
            {
                return confirmed;
            }

            if (HoldRefusal(cancellation, reservationId, keyAt) is { } refusal)
            {
                return refusal;
            }
        }

        throw Unsettled("Confirmation", reservationId);
    }

    public async Task<Result<Redemption>> ReleaseAsync(string reservationId, Idempotent<Redemption>? idempotency, CancellationToken ct)
    {
        GiveBack? giveBack = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var hold = await LiveHoldAsync(reservationId, ct);
            if (!hold.IsSuccess)
            {
                return Result<Redemption>.Fail(hold.Errors);
            }

            var record = hold.Value;
            var released = record.Redemption with { Status = RedemptionStatus.Released, UpdatedAt = clock.GetUtcNow() };
            giveBack = await GiveBack.CreateAsync(dynamo, _table, layout, record, released.DiscountAmount, uses: true, giveBack, ct);
            List<TransactWriteItem> items = [record.Update(_table, released, RedemptionStatus.Reserved)];
            giveBack.AddTo(items);
            items.Add(OutboxItems.Put(_table, RedemptionEvents.Released(released, clock)));
            var keyAt = Complete(items, idempotency, released);
            var cancellation = await WriteAsync(items, ct);
            if (cancellation is null)
            {
                return released;
            }

            if (!giveBack.Learn(cancellation) && HoldRefusal(cancellation, reservationId, keyAt) is { } refusal)
            {
                return refusal;
            }
        }

        throw Unsettled("Release", reservationId);
    }

    /// <summary>Expires a hold whose time is up; false when it was confirmed, released or expired first.</summary>
    private async Task<bool> ExpireAsync(LedgerRecord record, CancellationToken ct)
    {
        GiveBack? giveBack = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var expired = record.Redemption with { Status = RedemptionStatus.Expired, UpdatedAt = clock.GetUtcNow() };
            giveBack = await GiveBack.CreateAsync(dynamo, _table, layout, record, expired.DiscountAmount, uses: true, giveBack, ct);
            List<TransactWriteItem> items = [record.Update(_table, expired, RedemptionStatus.Reserved)];
            giveBack.AddTo(items);
            items.Add(OutboxItems.Put(_table, RedemptionEvents.Expired(expired, clock)));
            var cancellation = await WriteAsync(items, ct);
            if (cancellation is null)
            {
                return true;
            }

            if (!giveBack.Learn(cancellation))
            {
                return cancellation.Failed(0) ? false : throw Unexplained(record.Redemption.Id, cancellation);
            }
        }

        throw Unsettled("Expiry", record.Redemption.Id);
    }

    /// <summary>The hold if it is still live; one past its time is expired here and now.</summary>
    private async Task<Result<LedgerRecord>> LiveHoldAsync(string id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } record)
        {
            return LedgerRefusals.NoReservation(id);
        }

        var hold = record.Redemption;
        if (hold.Status == RedemptionStatus.Reserved && hold.ExpiresAt <= clock.GetUtcNow())
        {
            await ExpireAsync(record, ct);
            return LedgerRefusals.Of(RedemptionRejections.ReservationExpired);
        }

        return hold.Status == RedemptionStatus.Reserved ? record : LedgerRefusals.NotLive(hold.Status);
    }

    /// <summary>
    /// What a refused confirm or release answers: the hold's old image says what it became (null: still reserved at a
    /// newer version, so the caller reads it again); a lost lease is <c>idempotency_in_progress</c>.
    /// </summary>
    private static DomainError? HoldRefusal(Cancellation cancellation, string id, int? keyAt)
    {
        if (cancellation.Failed(0))
        {
            if (cancellation.Old(0) is not { } old)
            {
                return LedgerRefusals.NoReservation(id);
            }

            var status = LedgerRecord.From(old).Redemption.Status;
            return status == RedemptionStatus.Reserved ? null : LedgerRefusals.NotLive(status);
        }

        return cancellation.Failed(keyAt) ? LedgerRefusals.Of(RedemptionRejections.IdempotencyInProgress) : throw Unexplained(id, cancellation);
    }
}
