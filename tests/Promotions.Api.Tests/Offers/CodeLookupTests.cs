using System.Net;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Offers;

public sealed class CodeLookupTests : PromotionApiTest
{
    [Theory]
    [InlineData("spring-2026", "valid", null)]
    [InlineData("USEDUP", "exhausted", "code_exhausted")]
    [InlineData("OLDCODE", "expired", "code_expired")]
    [InlineData("SWITCHEDOFF", "inactive", "code_inactive")]
    [InlineData("TOMORROW", "not_yet_active", "code_not_yet_active")]
    [InlineData("PAUSED", "inactive", "promotion_not_active")]
    [InlineData("NOSUCHCODE", "unknown", "unknown_code")]
    [InlineData("BAD%21CODE", "invalid_format", "invalid_code_format")]
    public async Task Lookup_ReportsTheStateOfTheCode(string code, string status, string? reason)
    {
        await SeedCodesAsync();

        var state = await Channel.GetJsonAsync($"/offers/codes/{code}");

        Assert.Equal(status, state.GetProperty("status").GetString());
        Assert.Equal(reason, state.TryGetProperty("reason", out var r) ? r.GetString() : null);
        Assert.Equal(status == "valid", state.TryGetProperty("promotion", out _));
    }

    [Fact]
    public async Task Lookup_WhenCodeIsExhausted_IsNeverReportedAsUnknown()
    {
        await SeedCodesAsync();

        var exhausted = await Channel.GetJsonAsync("/offers/codes/used-up");
        var unknown = await Channel.GetJsonAsync("/offers/codes/used-upp");

        Assert.Equal(("exhausted", "unknown"), (exhausted.GetProperty("status").GetString(), unknown.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Lookup_WhenValid_ReturnsThePromotionSummaryAndNothingAboutOtherCodes()
    {
        await SeedCodesAsync();

        var state = await Channel.GetJsonAsync("/offers/codes/SPRING2026");

        var promotion = state.GetProperty("promotion");
        Assert.Equal(("SPRING2026", "Spring codes"), (state.GetProperty("code").GetString(), promotion.GetProperty("name").GetString()));
        Assert.DoesNotContain("USEDUP", state.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_AfterSixtyLookupsInAMinute_IsRateLimitedForThatCallerOnly()
    {
        await SeedCodesAsync();
        using var other = Host.Channel("other-shop", Scopes.OffersRead);

        for (var i = 0; i < 60; i++)
        {
            await Channel.GetJsonAsync($"/offers/codes/GUESS{i}");
        }

        using var limited = await Channel.GetAsync(new Uri("/offers/codes/GUESS61", UriKind.Relative));
        var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        await other.GetJsonAsync("/offers/codes/GUESS61");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Lookup_AfterAHundredUnknownCodes_LocksThatCallersCodeAttempts_ExistingCodesNotCounted()
    {
        using var host = new ServiceHost<Promotions.PromotionApi.Program>(new() { ["PromotionApi:CodeLookupPermitsPerMinute"] = "1000" });
        var seed = new Seed(host.Services, host.Clock.GetUtcNow());
        var live = await seed.PromotionAsync(await seed.CampaignAsync(), "Codes", kind: PromotionKind.Code);
        await seed.CodeAsync(live, "USEDUP", uses: 1, maxUses: 1);
        using var guesser = host.Channel("guesser", Scopes.OffersRead);
        using var other = host.Channel("other-shop", Scopes.OffersRead);

        for (var i = 0; i < 100; i++)
        {
            await guesser.GetJsonAsync("/offers/codes/USEDUP");
            await guesser.GetJsonAsync($"/offers/codes/GUESS{i}");
        }

        using var locked = await guesser.GetAsync(new Uri("/offers/codes/USEDUP", UriKind.Relative));
        var problem = System.Text.Json.JsonDocument.Parse(await locked.Content.ReadAsStringAsync()).RootElement;
        var otherState = await other.GetJsonAsync("/offers/codes/USEDUP");

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("code_attempts_locked", problem.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        Assert.Equal("exhausted", otherState.GetProperty("status").GetString());
    }

    private async Task SeedCodesAsync()
    {
        var now = Host.Clock.GetUtcNow();
        var campaign = await Seed.CampaignAsync();
        var live = await Seed.PromotionAsync(campaign, "Spring codes", kind: PromotionKind.Code);
        var later = await Seed.PromotionAsync(campaign, "Later", kind: PromotionKind.Code, status: LifecycleStatus.Scheduled,
            startsAt: now.AddDays(1));
        var paused = await Seed.PromotionAsync(campaign, "Paused", kind: PromotionKind.Code, status: LifecycleStatus.Paused);
        await Seed.CodeAsync(live, "SPRING2026", maxUses: 100);
        await Seed.CodeAsync(live, "USEDUP", uses: 1, maxUses: 1);
        await Seed.CodeAsync(live, "OLDCODE", expiresAt: now.AddMinutes(-1));
        await Seed.CodeAsync(live, "SWITCHEDOFF", active: false);
        await Seed.CodeAsync(later, "TOMORROW");
        await Seed.CodeAsync(paused, "PAUSED");
    }
}
