using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Promotions.Api.Tests.Admin;
using Promotions.Api.Tests.Offers;
using Promotions.Api.Tests.Redemption;
using Promotions.Api.Tests.Usage;

namespace Promotions.Api.Tests.Scheduling;

/// <summary>
/// The whole local host with a fake clock: a campaign and a promotion scheduled through the Admin API go live at
/// their start and end at their end by themselves, and offers and redemption follow; a paced campaign's promotion is
/// paused and resumed by the same tick.
/// </summary>
public sealed class ScheduledGoLiveTests : IDisposable
{
    private readonly UsageHost _host = new();
    private readonly HttpClient _admin;
    private readonly HttpClient _checkout;

    public ScheduledGoLiveTests()
    {
        _admin = _host.Admin();
        _checkout = _host.Checkout();
    }

    public void Dispose()
    {
        _admin.Dispose();
        _checkout.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task ScheduledPromotion_AtItsStart_IsOfferedAndRedeemable_AndAtItsEndIsNot()
    {
        var startsAt = _host.Clock.GetUtcNow().AddMinutes(5);
        var endsAt = startsAt.AddHours(1);
        var campaignBody = AdminBodies.Campaign();
        (campaignBody["startsAt"], campaignBody["endsAt"]) = (startsAt, endsAt);
        var (campaign, campaignTag) = await _admin.Create("/admin/campaigns", campaignBody);
        var promotionBody = AdminBodies.Promotion(campaign.Id());
        (promotionBody["startsAt"], promotionBody["endsAt"]) = (startsAt, endsAt);
        promotionBody["perCustomerLimit"] = null; // the order is anonymous
        var (promotion, promotionTag) = await _admin.Create("/admin/promotions", promotionBody);
        await (await _admin.PostJson($"/admin/campaigns/{campaign.Id()}/lifecycle", new { action = "schedule" }, campaignTag)).Expect(HttpStatusCode.OK);
        var scheduled = await _admin.PostJson($"/admin/promotions/{promotion.Id()}/lifecycle", new { action = "schedule" }, promotionTag);
        await scheduled.Expect(HttpStatusCode.OK);

        _host.LetCachesExpire();
        Assert.DoesNotContain(promotion.Id(), await OfferedAsync());
        var early = await RedeemAsync(promotion.Id(), "order-early");
        Assert.True(early.Status == HttpStatusCode.Conflict, early.Body);
        Assert.Contains("promotion_not_active", early.Body, StringComparison.Ordinal);

        _host.Clock.SetUtcNow(startsAt);
        var live = await StatusBecomesAsync($"/admin/promotions/{promotion.Id()}", "active");
        Assert.Equal("active", (await StatusBecomesAsync($"/admin/campaigns/{campaign.Id()}", "active")).Body.GetProperty("status").GetString());
        Assert.NotEqual(scheduled.Headers.ETag!.ToString(), live.ETag);
        _host.LetCachesExpire();

        Assert.Contains(promotion.Id(), await OfferedAsync());
        var redeemed = await RedeemAsync(promotion.Id(), "order-live");
        Assert.True(redeemed.Status == HttpStatusCode.Created, redeemed.Body);

        _host.Clock.SetUtcNow(endsAt);
        await StatusBecomesAsync($"/admin/promotions/{promotion.Id()}", "ended");
        _host.LetCachesExpire();

        Assert.DoesNotContain(promotion.Id(), await OfferedAsync());
    }

    [Fact]
    public async Task DailyPacedCampaign_PausesWhenTheDaysAmountIsSpentAndResumesTheNextDay()
    {
        var now = _host.Clock.GetUtcNow();
        var campaignBody = AdminBodies.Campaign();
        (campaignBody["startsAt"], campaignBody["endsAt"]) = (now, now.AddDays(10));
        campaignBody["budget"] = new { amount = 5000m, currency = "EUR", pacing = new { mode = "daily", amount = 15m } };
        var (campaign, campaignTag) = await _admin.Create("/admin/campaigns", campaignBody);
        await (await _admin.PostJson($"/admin/campaigns/{campaign.Id()}/lifecycle", new { action = "activate" }, campaignTag)).Expect(HttpStatusCode.OK);
        var promotionBody = AdminBodies.Promotion(campaign.Id());
        promotionBody["perCustomerLimit"] = null;
        var (promotion, promotionTag) = await _admin.Create("/admin/promotions", promotionBody);
        await (await _admin.PostJson($"/admin/promotions/{promotion.Id()}/lifecycle", new { action = "activate" }, promotionTag)).Expect(HttpStatusCode.OK);
        _host.LetCachesExpire();

        // 20 % of a 100.00 order: 20.00, past the day's 15.00; the next day's line is 30.00.
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotion.Id(), "order-1")).Status);
        var (paused, _) = await StatusBecomesAsync($"/admin/promotions/{promotion.Id()}", "paused");
        _host.LetCachesExpire();
        var refused = await RedeemAsync(promotion.Id(), "order-2");
        _host.Clock.SetUtcNow(now.AddDays(1));
        var (resumed, _) = await StatusBecomesAsync($"/admin/promotions/{promotion.Id()}", "active");
        _host.LetCachesExpire();

        Assert.True(paused.GetProperty("paced").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("promotion_not_active", refused.Body, StringComparison.Ordinal);
        Assert.False(resumed.GetProperty("paced").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotion.Id(), "order-3")).Status);
    }

    // The schedule runs on the host's timer once the fake clock moves; the test waits (in real time) for its write.
    private async Task<(JsonElement Body, string ETag)> StatusBecomesAsync(string path, string status)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await _admin.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Expect(HttpStatusCode.OK);
            if (body.GetProperty("status").GetString() == status)
            {
                return (body, response.Headers.ETag!.ToString());
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"{path} is still {body.GetProperty("status").GetString()}, not {status}.");
            _host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    // Its rule reads the cart, so without one a live promotion is listed under needsCart.
    private async Task<string[]> OfferedAsync()
    {
        var offers = await _checkout.PostJsonAsync("/offers", "{'channel':'web'}");
        return [.. offers.GetProperty("items").Strings("id"), .. offers.GetProperty("needsCart").Strings("id")];
    }

    private async Task<(HttpStatusCode Status, string Body)> RedeemAsync(string promotionId, string orderId)
    {
        var body = RedemptionApiFixture.Order(new Seeded("", promotionId, []), orderId: orderId);
        using var response = await RedemptionApiFixture.PostAsync(_checkout, "/redemptions", body, orderId);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
