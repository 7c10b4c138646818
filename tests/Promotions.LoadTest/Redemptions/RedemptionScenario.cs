using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.LocalHost.Demo;

namespace Promotions.LoadTest.Redemptions;

/// <summary>
/// The catalog the redemption targets run against, seeded through the ports before the load starts.
/// <c>redeem</c>: a reusable code for a known customer, with a cap, a per-customer limit, code uses and a budget
/// all sized so the run uses none of them up. <c>redeem-cap</c>: an automatic promotion for guests whose cap
/// the run uses up (in open loop half-way through its measured window), with a budget just above what the cap
/// can spend. Two more promotions of the same two kinds (<see cref="WarmUp"/>) take the host's warm-up, so the
/// measured ones start as they are sized: the code's has room for the longest warm-up, the automatic one's cap
/// is used up within its first second, so refusals are warmed too.
/// Every order is a 100.00 EUR cart in store, and every redemption takes <see cref="Discount"/> off it. A redemption
/// redeems every promotion its cart qualifies for, so each promotion here applies only to carts with its own SKU, and
/// the carts are sold in store, where no promotion of the demo catalog applies to them.
/// </summary>
internal sealed class RedemptionScenario
{
    public const decimal Discount = 5.00m;
    public const string Code = "LOADROOMY";
    public const string WarmUpCode = "LOADWARM";

    private RedemptionScenario(RedemptionPhase roomy, RedemptionPhase capped, IReadOnlyList<RedemptionPhase> warmUp)
    {
        Roomy = roomy;
        Capped = capped;
        WarmUp = warmUp;
    }

    /// <summary>The promotions the warm-up redeems, never measured.</summary>
    public IReadOnlyList<RedemptionPhase> WarmUp { get; }

    public RedemptionPhase Roomy { get; }

    public RedemptionPhase Capped { get; }

    public IReadOnlyList<RedemptionPhase> Phases => [Roomy, Capped];

    public static async Task<RedemptionScenario> SeedAsync(IServiceProvider services, LoadOptions options, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var most = options.MostRequestsPerTarget;
        var roomyCap = (int)Math.Min(int.MaxValue / 2, 2 * most);
        // Open loop: used up half-way through the measured window (the check and the warm-up come first). Closed
        // loop: how many requests a run sends is not known beforehand, so the cap is small enough for any run.
        var cappedCap = options.OpenLoop ? Math.Max(10, options.Rate * (2 * options.WarmupSeconds + options.DurationSeconds) / 2 + 1) : 100;

        var roomy = await SeedPhaseAsync(services, clock, new PhaseSpec("redeem", "POST /redemptions (code, customer)", $"load-{run}-roomy-",
            roomyCap, roomyCap * Discount, Code, DemoCatalog.Alice, MustExhaust: false), ct);
        var capped = await SeedPhaseAsync(services, clock, new PhaseSpec("redeem-cap", "POST /redemptions (cap used up)", $"load-{run}-capped-",
            cappedCap, cappedCap * Discount + 2.50m, null, null, MustExhaust: true), ct);
        var warmCap = (int)Math.Min(int.MaxValue / 2, 2L * Math.Max(1, options.Rate) * OpenLoop.OpenLoopRunner.MaxSettleSeconds + 1);
        var warmRoomy = await SeedPhaseAsync(services, clock, new PhaseSpec("warm-redeem", "warm-up: code, customer", $"load-{run}-warm-roomy-",
            warmCap, warmCap * Discount, WarmUpCode, DemoCatalog.Alice, MustExhaust: false), ct);
        var warmCapped = await SeedPhaseAsync(services, clock, new PhaseSpec("warm-cap", "warm-up: cap used up", $"load-{run}-warm-capped-",
            Math.Max(10, options.Rate / 2), Math.Max(10, options.Rate / 2) * Discount, null, null, MustExhaust: true), ct);
        var scenario = new RedemptionScenario(roomy, capped, [warmRoomy, warmCapped]);
        await WaitUntilLiveAsync(services.GetRequiredService<LiveCatalog>(), [roomy.PromotionId, capped.PromotionId, warmRoomy.PromotionId, warmCapped.PromotionId], ct);
        return scenario;
    }

    private static async Task<RedemptionPhase> SeedPhaseAsync(IServiceProvider services, TimeProvider clock, PhaseSpec spec, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var campaign = new Campaign(Ids.New("cmp", clock), spec.Name, null, null, null, LifecycleStatus.Active, null,
            new Budget(spec.Budget, "EUR"), null, null, now, now);
        Require((await services.GetRequiredService<ICampaignStore>().CreateAsync(campaign, ct)).Status == WriteStatus.Written, "campaign");
        using var effect = JsonDocument.Parse(
            string.Create(CultureInfo.InvariantCulture, $$$"""{"type":"amount_off","amount":{{{Discount}}},"target":{"scope":"order"}}"""));
        var id = Ids.New("prm", clock);
        using var rule = JsonDocument.Parse($$"""{"fact":"cart.skus","op":"contains","value":"{{SkuOf(spec)}}"}""");
        var promotion = new Promotion(id, campaign.Id, spec.Name, null,
            spec.Code is null ? PromotionKind.Automatic : PromotionKind.Code, null, null, LifecycleStatus.Active, effect.RootElement.Clone(),
            [new Rule("rul_" + id[4..], id, "eligibility", rule.RootElement.Clone())], [], 0, Stacking.Default, spec.Cap, 0,
            spec.CustomerId is null ? null : spec.Cap, now, now);
        Require((await services.GetRequiredService<IPromotionStore>().CreateAsync(promotion, CatalogEvents.PromotionWritten(null, promotion, clock), ct)).Status == WriteStatus.Written, "promotion");
        if (spec.Code is { } code)
        {
            await services.GetRequiredService<ICodeStore>().InsertAsync(Ids.New("cjb", clock), [new PromoCode(Ids.New("code", clock), promotion.Id, code, 0, spec.Cap, true, null)], ct);
        }

        return new RedemptionPhase(promotion.Id, campaign.Id, spec.Code, spec.CustomerId, spec.Cap, spec.Budget, spec.MustExhaust,
            Target(spec, promotion.Id));
    }

    private static LoadTarget Target(PhaseSpec spec, string promotionId)
    {
        var by = spec.Code is { } code ? $"\"code\":\"{code}\"" : $"\"promotionId\":\"{promotionId}\"";
        var customer = spec.CustomerId is { } id ? $",\"customerId\":\"{id}\"" : "";
        HttpStatusCode[] expected = spec.MustExhaust ? [HttpStatusCode.Created, HttpStatusCode.Conflict] : [HttpStatusCode.Created];
        return new LoadTarget(spec.Name, HttpMethod.Post, "/redemptions", n => string.Create(CultureInfo.InvariantCulture, $$"""
            {"order":{"orderId":"{{spec.KeyPrefix}}{{n}}","currency":"EUR","lines":[{"lineId":"a","sku":"SKU-A","quantity":2,"unitPrice":30.00},{"lineId":"b","sku":"{{SkuOf(spec)}}","quantity":1,"unitPrice":40.00}]},"channel":"in_store",{{by}}{{customer}}}
            """), spec.KeyPrefix, expected) { Key = spec.Key };
    }

    private static string SkuOf(PhaseSpec spec) => "SKU-" + spec.KeyPrefix.TrimEnd('-').ToUpperInvariant();

    // The live catalog refreshes once a second; the first request must already see the new promotions.
    private static async Task WaitUntilLiveAsync(LiveCatalog catalog, string[] ids, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var snapshot = await catalog.GetAsync(ct);
            if (ids.All(snapshot.ById.ContainsKey))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        throw new InvalidOperationException("The load-test promotions did not go live within 5 s.");
    }

    private static void Require(bool written, string what)
    {
        if (!written)
        {
            throw new InvalidOperationException($"Could not seed the load-test {what}.");
        }
    }

    private sealed record PhaseSpec(
        string Key, string Name, string KeyPrefix, int Cap, decimal Budget, string? Code, string? CustomerId, bool MustExhaust);
}
