using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>Redeeming and reserving (<see cref="RedeemTransaction"/>).</summary>
internal sealed partial class DynamoDbRedemptionLedger
{
    public async Task<Result<Redemption>> RedeemAsync(RedeemCommand command, Idempotent<Redemption>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var redemption = command.Redemption;
        var limits = command.Limits;

        // Both depend on the request alone, so they are answered before anything is written.
        if (limits.PerCustomerLimit is not null && redemption.CustomerId is null)
        {
            return LedgerRefusals.Of(RedemptionRejections.CustomerRequired);
        }

        var charged = limits.BudgetAmount is not null && redemption.CampaignId is not null;
        if (charged && !string.Equals(limits.BudgetCurrency, redemption.Currency, StringComparison.Ordinal))
        {
            return LedgerRefusals.Of(RedemptionRejections.BudgetCurrencyMismatch);
        }

        var stored = redemption with { BudgetCharged = charged, UpdatedAt = clock.GetUtcNow() };
        var promotionShards = await layout.PromotionAsync(redemption.PromotionId, ct);
        BudgetTerms? budget = null;
        if (charged)
        {
            var campaign = redemption.CampaignId!;
            budget = new BudgetTerms(campaign, redemption.Currency, Money.ToMinor(redemption.DiscountAmount, redemption.Currency),
                Money.ToMinor(limits.BudgetAmount!.Value, redemption.Currency), await layout.BudgetAsync(campaign, ct));
        }

        var transaction = new RedeemTransaction(dynamo, _table, stored, limits, budget, promotionShards, idempotency, clock);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var cancellation = await WriteAsync(await transaction.BuildAsync(ct), ct);
            if (cancellation is null)
            {
                return stored;
            }

            if (await transaction.SettleAsync(cancellation, ct) is { } refusal)
            {
                return refusal;
            }
        }

        throw Unsettled("Redemption", redemption.Id);
    }
}
