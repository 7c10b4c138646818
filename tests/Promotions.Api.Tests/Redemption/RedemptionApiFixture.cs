using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Redemption;

/// <summary>
/// The Redemption service on its own, over real HTTP, on SQLite in a fresh temp folder (removed afterwards), with
/// a fake clock. Catalog items are written through the ports, then the clock moves on so the live catalog reloads.
/// </summary>
public sealed class RedemptionApiFixture : WebApplicationFactory<Promotions.Redemption.Program>
{
    private readonly string _signingKey = DevTokens.NewSigningKey();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "promotions-redemption-tests-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>A channel client with the redeem scope; each subject has its own idempotency keys.</summary>
    public HttpClient Channel(string subject = "checkout")
    {
        var client = CreateClient();
        var token = DevTokens.Create(new AuthOptions { SigningKey = _signingKey }, subject, [], [Scopes.Redeem], Clock);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A machine client bound to <paramref name="channels"/> and a partner network, with the redeem scope.</summary>
    public HttpClient BoundChannel(string subject, string[] channels, string partnerId)
    {
        var client = CreateClient();
        var token = DevTokens.Create(new AuthOptions { SigningKey = _signingKey }, subject, [], [Scopes.Redeem], Clock, channels: channels, partnerId: partnerId);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// A live campaign and promotion taking <paramref name="amountOff"/> off the order, with the given limits, and
    /// <paramref name="codes"/> single-use codes when it is a code promotion.
    /// </summary>
    public async Task<Seeded> SeedAsync(
        int? maxRedemptions = null, int? perCustomer = null, decimal? budget = null, int codes = 0, int codeUses = 1, decimal amountOff = 10m)
    {
        _ = Services;
        var now = Clock.GetUtcNow();
        var campaign = new Campaign(Ids.New("cmp", Clock), "Summer", null, null, null, LifecycleStatus.Active, null,
            budget is { } b ? new Budget(b, "EUR") : null, null, null, now, now);
        await Get<ICampaignStore>().CreateAsync(campaign, default);
        using var effect = JsonDocument.Parse($$$"""{"type":"amount_off","amount":{{{amountOff}}},"target":{"scope":"order"}}""");
        var id = Ids.New("prm", Clock);

        // Tests share the host, and a redemption redeems every promotion its cart qualifies for: each promotion
        // applies only to carts with its own SKU, so no test's cart picks up another test's promotion.
        using var rule = JsonDocument.Parse($$"""{"fact":"cart.skus","op":"contains","value":"{{Seeded.SkuOf(id)}}"}""");
        var promotion = new Promotion(id, campaign.Id, "Ten off", null, codes > 0 ? PromotionKind.Code : PromotionKind.Automatic,
            null, null, LifecycleStatus.Active, effect.RootElement.Clone(), [new Rule("rul_" + id, id, "eligibility", rule.RootElement.Clone())], [], 0,
            Stacking.Default, maxRedemptions, 0, perCustomer, now, now);
        await Get<IPromotionStore>().CreateAsync(promotion, CatalogEvents.PromotionWritten(null, promotion, Clock), default);
        var texts = Enumerable.Range(0, codes).Select(_ => "R" + Guid.NewGuid().ToString("N")[..11].ToUpperInvariant()).ToArray();
        await Get<ICodeStore>().InsertAsync(
            "cjb_seed", texts.Select(t => new PromoCode(Ids.New("code", Clock), promotion.Id, t, 0, codeUses, true, null)).ToArray(), default);
        Clock.Advance(TimeSpan.FromSeconds(5));
        return new Seeded(campaign.Id, promotion.Id, texts);
    }

    /// <summary>A two-line order of 100.00 EUR: line a (2 × 30.00) and line b (1 × 40.00).</summary>
    public static object Order(
        Seeded seeded, string? code = null, string? customerId = null, string orderId = "order-1", int? holdSeconds = null, string channel = "web",
        string[]? codes = null) =>
        new
        {
            order = new
            {
                orderId,
                currency = "EUR",
                lines = new object[]
                {
                    new { lineId = "a", sku = "SKU-A", quantity = 2, unitPrice = 30.00m },
                    new { lineId = "b", sku = seeded.Sku, quantity = 1, unitPrice = 40.00m },
                },
            },
            channel,
            code,
            codes,
            promotionId = code is null && codes is null ? seeded.PromotionId : null,
            customerId,
            holdSeconds,
        };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Wire) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    public static JsonSerializerOptions Wire { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", _signingKey);
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        builder.UseSetting("Redemption:Sweeper:Interval", "01:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}

/// <summary>What <see cref="RedemptionApiFixture.SeedAsync"/> created.</summary>
public sealed record Seeded(string CampaignId, string PromotionId, IReadOnlyList<string> Codes)
{
    /// <summary>The SKU a cart needs for this promotion to apply to it.</summary>
    public string Sku => SkuOf(PromotionId);

    public static string SkuOf(string promotionId) => "SKU-" + promotionId;
}
