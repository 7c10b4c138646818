using System.Net;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Auth;
using Program = Promotions.PromotionApi.Program;

namespace Promotions.Api.Tests.Offers;

public sealed class CodeLookupTests : IDisposable
{
    private readonly ServiceHost<Program> _host = new();
    private readonly Seed _seed;
    private readonly HttpClient _channel;

    public CodeLookupTests()
    {
        _seed = new Seed(_host.Services, _host.Clock.GetUtcNow());
        _channel = _host.Channel("web-shop", Scopes.OffersRead);
    }

    public void Dispose()
    {
        _channel.Dispose();
        _host.Dispose();
    }

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

        var state = await _channel.GetJsonAsync($"/offers/codes/{code}");

        Assert.Equal(status, state.GetProperty("status").GetString());
        Assert.Equal(reason, state.TryGetProperty("reason", out var r) ? r.GetString() : null);
        Assert.Equal(status == "valid", state.TryGetProperty("promotion", out _));
    }

    [Fact]
    public async Task Lookup_WhenCodeIsExhausted_IsNeverReportedAsUnknown()
    {
        await SeedCodesAsync();

        var exhausted = await _channel.GetJsonAsync("/offers/codes/used-up");
        var unknown = await _channel.GetJsonAsync("/offers/codes/used-upp");

        Assert.Equal(("exhausted", "unknown"), (exhausted.GetProperty("status").GetString(), unknown.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Lookup_WhenValid_ReturnsThePromotionSummaryAndNothingAboutOtherCodes()
    {
        await SeedCodesAsync();

        var state = await _channel.GetJsonAsync("/offers/codes/SPRING2026");

        var promotion = state.GetProperty("promotion");
        Assert.Equal(("SPRING2026", "Spring codes"), (state.GetProperty("code").GetString(), promotion.GetProperty("name").GetString()));
        Assert.DoesNotContain("USEDUP", state.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_AfterSixtyLookupsInAMinute_IsRateLimitedForThatCallerOnly()
    {
        await SeedCodesAsync();
        using var other = _host.Channel("other-shop", Scopes.OffersRead);

        for (var i = 0; i < 60; i++)
        {
            await _channel.GetJsonAsync($"/offers/codes/GUESS{i}");
        }

        using var limited = await _channel.GetAsync(new Uri("/offers/codes/GUESS61", UriKind.Relative));
        var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        await other.GetJsonAsync("/offers/codes/GUESS61");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    private async Task SeedCodesAsync()
    {
        var now = _host.Clock.GetUtcNow();
        var campaign = await _seed.CampaignAsync();
        var live = await _seed.PromotionAsync(campaign, "Spring codes", kind: PromotionKind.Code);
        var later = await _seed.PromotionAsync(campaign, "Later", kind: PromotionKind.Code, status: LifecycleStatus.Scheduled,
            startsAt: now.AddDays(1));
        var paused = await _seed.PromotionAsync(campaign, "Paused", kind: PromotionKind.Code, status: LifecycleStatus.Paused);
        await _seed.CodeAsync(live, "SPRING2026", maxUses: 100);
        await _seed.CodeAsync(live, "USEDUP", uses: 1, maxUses: 1);
        await _seed.CodeAsync(live, "OLDCODE", expiresAt: now.AddMinutes(-1));
        await _seed.CodeAsync(live, "SWITCHEDOFF", active: false);
        await _seed.CodeAsync(later, "TOMORROW");
        await _seed.CodeAsync(paused, "PAUSED");
    }
}
