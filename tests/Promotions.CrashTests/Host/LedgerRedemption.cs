using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.CrashHost;

/// <summary><c>POST /crash/redemptions</c>: records a 10.00 EUR redemption of campaign <c>cmp_crash</c> through the ledger port.</summary>
internal static class LedgerRedemption
{
    public const string CampaignId = "cmp_crash";

    public static void MapLedgerRedemption(this IEndpointRouteBuilder app) =>
        app.MapPost("/crash/redemptions", RedeemAsync).RequireAuthorization(Policies.Redeem);

    private static async Task<Results<Ok<string>, ProblemHttpResult>> RedeemAsync(IRedemptionLedger ledger, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var redemption = new Redemption(
            Ids.New("red", clock), "prm_crash", null, "cus_crash", "web", now, Ids.New("ord", clock), 100m, 10m, "EUR", [],
            RedemptionStatus.Confirmed)
        {
            CampaignId = CampaignId,
            UpdatedAt = now,
        };
        var recorded = await ledger.RedeemAsync(new RedeemCommand(redemption, RedemptionLimits.None), null, ct);
        return recorded.IsSuccess ? TypedResults.Ok(recorded.Value.Id) : Problems.From(recorded.Errors);
    }
}
