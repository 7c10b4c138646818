using System.Net;
using System.Text.Json;
using Promotions.Domain.Ports;

namespace Promotions.Api.Tests.Redemption;

/// <summary>The Redemption endpoints over real HTTP: races, idempotency, holds and reversals.</summary>
public sealed class RedemptionApiTests(RedemptionApiFixture host) : IClassFixture<RedemptionApiFixture>
{
    [Fact]
    public async Task Redeem_1000ConcurrentRequestsAgainstACapOf100_Exactly100AreCreated()
    {
        var seeded = await host.SeedAsync(maxRedemptions: 100);
        var client = host.Channel();

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            using var response = await RedemptionApiFixture.PostAsync(client, "/redemptions",
                RedemptionApiFixture.Order(seeded, customerId: null, orderId: $"order-{i}"), $"key-{i}");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.Equal(100, created.Length);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("promotion_exhausted", CodeOf(r.Body));
        });
        var usage = await host.Get<IRedemptionLedger>().GetUsageAsync(seeded.PromotionId, null, null, default);
        Assert.Equal(100, usage.PromotionRedemptions);
        foreach (var body in created)
        {
            using var get = await client.GetAsync($"/redemptions/{IdOf(body.Body)}");
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        }
    }

    [Fact]
    public async Task Redeem_WhenRetriedWithTheSameKey_ReplaysTheStoredResponseWithOneEffect()
    {
        var seeded = await host.SeedAsync(codes: 1, codeUses: 5);
        var client = host.Channel();
        var body = RedemptionApiFixture.Order(seeded, code: seeded.Codes[0]);

        using var first = await RedemptionApiFixture.PostAsync(client, "/redemptions", body, "retry-1");
        using var second = await RedemptionApiFixture.PostAsync(client, "/redemptions", body, "retry-1");
        using var third = await RedemptionApiFixture.PostAsync(client, "/redemptions", body, "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        foreach (var replay in new[] { second, third })
        {
            Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
            Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
            Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
            Assert.Equal(first.Headers.Location, replay.Headers.Location);
        }

        Assert.Equal(1, (await host.Get<IRedemptionLedger>().GetUsageAsync(seeded.PromotionId, null, null, default)).PromotionRedemptions);
    }

    [Fact]
    public async Task Redeem_50ConcurrentRetriesWithOneKey_HaveExactlyOneEffect()
    {
        var seeded = await host.SeedAsync();
        var client = host.Channel();
        var body = RedemptionApiFixture.Order(seeded);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            using var response = await RedemptionApiFixture.PostAsync(client, "/redemptions", body, "same-key");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Body).Distinct().ToArray();
        Assert.Single(created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
            Assert.Equal("idempotency_in_progress", CodeOf(r.Body)));
        Assert.Equal(1, (await host.Get<IRedemptionLedger>().GetUsageAsync(seeded.PromotionId, null, null, default)).PromotionRedemptions);
    }

    [Fact]
    public async Task Redeem_WhenTheKeyIsReusedForAnotherPayload_Returns422AndChangesNothing()
    {
        var seeded = await host.SeedAsync();
        var client = host.Channel();
        using var first = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded, orderId: "o-1"), "reused");

        using var second = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded, orderId: "o-2"), "reused");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("idempotency_key_reused", CodeOf(await second.Content.ReadAsStringAsync()));
        Assert.Equal(1, (await host.Get<IRedemptionLedger>().GetUsageAsync(seeded.PromotionId, null, null, default)).PromotionRedemptions);
    }

    [Fact]
    public async Task Redeem_WithoutAnIdempotencyKey_Returns400WithTheHeaderAsPath()
    {
        var seeded = await host.SeedAsync();

        using var response = await RedemptionApiFixture.PostAsync(host.Channel(), "/redemptions", RedemptionApiFixture.Order(seeded), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("idempotency_key_required", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("Idempotency-Key", problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Redeem_WhenTheCodeIsUsedUp_Returns409CodeExhaustedNeverUnknown()
    {
        var seeded = await host.SeedAsync(codes: 1);
        var client = host.Channel();
        using var first = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded, code: seeded.Codes[0]), "c-1");

        using var second = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded, code: seeded.Codes[0]), "c-2");
        using var unknown = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded, code: "NOSUCHCODE1"), "c-3");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "code_exhausted"), (second.StatusCode, CodeOf(await second.Content.ReadAsStringAsync())));
        Assert.Equal((HttpStatusCode.NotFound, "unknown_code"), (unknown.StatusCode, CodeOf(await unknown.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Reservation_HoldThenConfirm_CountsOnceAndExpiredHoldsAnswerReservationExpired()
    {
        var seeded = await host.SeedAsync(maxRedemptions: 1);
        var client = host.Channel();
        using var hold = await RedemptionApiFixture.PostAsync(client, "/redemptions/reservations", RedemptionApiFixture.Order(seeded, holdSeconds: 60), "h-1");
        var holdId = IdOf(await hold.Content.ReadAsStringAsync());
        using var blocked = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded, orderId: "o-2"), "h-2");

        host.Clock.Advance(TimeSpan.FromSeconds(61));
        using var late = await RedemptionApiFixture.PostAsync(client, $"/redemptions/reservations/{holdId}/confirm", null, "h-3");
        using var freed = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded, orderId: "o-3"), "h-4");

        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        Assert.Equal("promotion_exhausted", CodeOf(await blocked.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.Conflict, "reservation_expired"), (late.StatusCode, CodeOf(await late.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.Created, freed.StatusCode);
    }

    [Fact]
    public async Task Reversal_PartialThenRest_GivesBackTheRecordedAllocationExactlyOnce()
    {
        var seeded = await host.SeedAsync(maxRedemptions: 5, budget: 1000m);
        var client = host.Channel();
        using var redeemed = await RedemptionApiFixture.PostAsync(client, "/redemptions", RedemptionApiFixture.Order(seeded), "r-1");
        var id = IdOf(await redeemed.Content.ReadAsStringAsync());
        var partial = new { lines = new[] { new { lineId = "a", quantity = 1 } } };

        using var first = await RedemptionApiFixture.PostAsync(client, $"/redemptions/{id}/reversals", partial, "rv-1");
        using var replay = await RedemptionApiFixture.PostAsync(client, $"/redemptions/{id}/reversals", partial, "rv-1");
        using var rest = await RedemptionApiFixture.PostAsync(client, $"/redemptions/{id}/reversals", new { }, "rv-2");
        using var again = await RedemptionApiFixture.PostAsync(client, $"/redemptions/{id}/reversals", new { }, "rv-3");

        // 10.00 off 100.00 is allocated 6.00 to line a (60.00) and 4.00 to line b (40.00); one of two units of a is 3.00.
        using (var reversal = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
        {
            Assert.Equal(3.00m, reversal.RootElement.GetProperty("amount").GetDecimal());
            Assert.False(reversal.RootElement.GetProperty("full").GetBoolean());
        }

        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        using (var reversal = JsonDocument.Parse(await rest.Content.ReadAsStringAsync()))
        {
            Assert.Equal(7.00m, reversal.RootElement.GetProperty("amount").GetDecimal());
            Assert.True(reversal.RootElement.GetProperty("full").GetBoolean());
        }

        Assert.Equal((HttpStatusCode.Conflict, "nothing_to_reverse"), (again.StatusCode, CodeOf(await again.Content.ReadAsStringAsync())));
        var usage = await host.Get<IRedemptionLedger>().GetUsageAsync(seeded.PromotionId, null, seeded.CampaignId, default);
        Assert.Equal((0L, 0m), (usage.PromotionRedemptions, usage.BudgetSpent));
    }

    [Fact]
    public async Task Redeem_WithoutAToken_Returns401()
    {
        using var response = await RedemptionApiFixture.PostAsync(host.CreateClient(), "/redemptions", new { }, "k");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string? CodeOf(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        return document.RootElement.GetProperty("code").GetString();
    }

    private static string IdOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Redeem_WhenALimitRanOutSinceTheCountersWereRead_AllModeAnswersTheNewQuote_PartialRecordsTheRest()
    {
        var capped = await host.SeedAsync(maxRedemptions: 1);
        var open = await host.SeedAsync(amountOff: 5m);
        var client = host.Channel();
        object Body(string orderId, string? mode = null) => new
        {
            order = new
            {
                orderId,
                currency = "EUR",
                lines = new object[]
                {
                    new { lineId = "a", sku = capped.Sku, quantity = 1, unitPrice = 30.00m },
                    new { lineId = "b", sku = open.Sku, quantity = 1, unitPrice = 40.00m },
                },
            },
            channel = "web",
            mode,
        };

        // The first checkout reads the counters; the clock stands still, so the next quotes still count on them.
        using var first = await RedemptionApiFixture.PostAsync(client, "/redemptions", Body("o-1"), "stale-1");
        using var all = await RedemptionApiFixture.PostAsync(client, "/redemptions", Body("o-2"), "stale-2");
        using var partial = await RedemptionApiFixture.PostAsync(client, "/redemptions", Body("o-3", "partial"), "stale-3");

        Assert.Equal(2, Applied(await first.Content.ReadAsStringAsync()).Length);
        var refused = JsonDocument.Parse(await all.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((HttpStatusCode.Conflict, "promotion_exhausted"), (all.StatusCode, refused.GetProperty("code").GetString()));
        var newQuote = refused.GetProperty("quote");
        Assert.Equal([open.PromotionId], newQuote.GetProperty("applied").EnumerateArray().Select(a => a.GetProperty("promotionId").GetString()));
        Assert.Contains(newQuote.GetProperty("notApplied").EnumerateArray(),
            n => n.GetProperty("promotionId").GetString() == capped.PromotionId && n.GetProperty("reason").GetString() == "promotion_exhausted");
        Assert.Equal(HttpStatusCode.Created, partial.StatusCode);
        Assert.Equal([open.PromotionId], Applied(await partial.Content.ReadAsStringAsync()));
        var ledger = host.Get<IRedemptionLedger>();
        Assert.Equal(1, (await ledger.GetUsageAsync(capped.PromotionId, null, null, default)).PromotionRedemptions);
        Assert.Equal(2, (await ledger.GetUsageAsync(open.PromotionId, null, null, default)).PromotionRedemptions);
    }

    [Fact]
    public async Task Redeem_ByAClientBoundToAChannelAndAPartner_IsRefusedElsewhere_AndOnlyItsOwnRedemptionsAreVisibleToIt()
    {
        var seeded = await host.SeedAsync();
        using var store = host.BoundChannel("store-7", ["in_store"], "p1");
        using var otherPartner = host.BoundChannel("partner-9", ["in_store"], "p2");
        var staff = host.Channel();

        using var web = await RedemptionApiFixture.PostAsync(store, "/redemptions", RedemptionApiFixture.Order(seeded, orderId: "bound-1"), "bound-1");
        using var inStore = await RedemptionApiFixture.PostAsync(store, "/redemptions",
            RedemptionApiFixture.Order(seeded, orderId: "bound-2", channel: "in_store"), "bound-2");
        var id = IdOf(await inStore.Content.ReadAsStringAsync());
        using var own = await store.GetAsync($"/redemptions/{id}");
        using var foreign = await otherPartner.GetAsync($"/redemptions/{id}");
        using var foreignReversal = await RedemptionApiFixture.PostAsync(otherPartner, $"/redemptions/{id}/reversals", new { }, "bound-3");
        using var unbound = await staff.GetAsync($"/redemptions/{id}");

        Assert.Equal((HttpStatusCode.Forbidden, "channel_not_allowed"), (web.StatusCode, CodeOf(await web.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.Created, inStore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "redemption_not_found"), (foreign.StatusCode, CodeOf(await foreign.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.NotFound, foreignReversal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unbound.StatusCode);
        Assert.Equal(1, (await host.Get<IRedemptionLedger>().GetUsageAsync(seeded.PromotionId, null, null, default)).PromotionRedemptions);
    }

    [Fact]
    public async Task Redeem_AfterAHundredUnknownCodesFromOneCaller_LocksItsCodeAttemptsWithRetryAfter()
    {
        var seeded = await host.SeedAsync(codes: 1, codeUses: 5);
        var guesser = host.Channel("guesser");
        for (var i = 0; i < 10; i++)
        {
            var guesses = Enumerable.Range(0, 10).Select(g => $"GUESS{i}X{g}").ToArray();
            using var refused = await RedemptionApiFixture.PostAsync(guesser, "/redemptions",
                RedemptionApiFixture.Order(seeded, orderId: $"guess-{i}", codes: guesses), $"guess-{i}");
            Assert.Equal((HttpStatusCode.NotFound, "unknown_code"), (refused.StatusCode, CodeOf(await refused.Content.ReadAsStringAsync())));
        }

        using var locked = await RedemptionApiFixture.PostAsync(guesser, "/redemptions",
            RedemptionApiFixture.Order(seeded, orderId: "guess-real", code: seeded.Codes[0]), "guess-real");
        using var honest = await RedemptionApiFixture.PostAsync(host.Channel("honest-shop"), "/redemptions",
            RedemptionApiFixture.Order(seeded, orderId: "honest", code: seeded.Codes[0]), "honest");

        Assert.Equal((HttpStatusCode.TooManyRequests, "code_attempts_locked"), (locked.StatusCode, CodeOf(await locked.Content.ReadAsStringAsync())));
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, honest.StatusCode);
    }

    private static string[] Applied(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("applied").EnumerateArray().Select(a => a.GetProperty("promotionId").GetString()!).ToArray();
}
