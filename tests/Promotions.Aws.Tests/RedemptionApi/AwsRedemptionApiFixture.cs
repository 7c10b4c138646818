using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Events;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.RedemptionApi;

/// <summary>
/// The Redemption service over real HTTP with <c>Adapters:Mode=aws</c>: its ledger, idempotency keys, outbox and code
/// items on DynamoDB (moto, fresh tables), the catalog too.
/// </summary>
public sealed class AwsRedemptionApiFixture : WebApplicationFactory<Promotions.Redemption.Program>, IAsyncLifetime
{
    private readonly string _signingKey = DevTokens.NewSigningKey();
    private readonly AwsTestResources _aws = new();
    private string? _eventQueue;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The DynamoDB requests the service sent.</summary>
    public RequestLog Requests { get; } = new();

    public string Table => _aws.Table;

    /// <summary>A client of the test's own, to look at the items the service wrote.</summary>
    public IAmazonDynamoDB DynamoDb => _aws.DynamoDb;

    public async Task InitializeAsync()
    {
        await _aws.InitializeAsync();
        _eventQueue = (await _aws.NewEventQueueAsync()).Url;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _aws.DisposeAsync();
    }

    /// <summary>A client with a channel's token, minted on the service's clock (the service checks its lifetime on it).</summary>
    public HttpClient Channel(string subject = "checkout")
    {
        var client = CreateClient();
        var token = DevTokens.Create(new AuthOptions { SigningKey = _signingKey }, subject, [], [Scopes.Redeem], Clock);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A live campaign with a budget and a code promotion taking 10.00 off the order, with one code of <paramref name="codeUses"/> uses.</summary>
    public async Task<(string CampaignId, string PromotionId, string Code)> SeedAsync(int codeUses, decimal budget)
    {
        var now = Clock.GetUtcNow();
        var campaign = new Campaign(Ids.New("cmp", Clock), "Summer", null, null, null, LifecycleStatus.Active, null, new Budget(budget, "EUR"), null, null, now, now);
        await Get<ICampaignStore>().CreateAsync(campaign, default);
        using var effect = JsonDocument.Parse("""{"type":"amount_off","amount":10,"target":{"scope":"order"}}""");
        var promotion = new Promotion(Ids.New("prm", Clock), campaign.Id, "Ten off", null, PromotionKind.Code, null, null, LifecycleStatus.Active,
            effect.RootElement.Clone(), [], [], 0, Stacking.Default, 100, 0, null, now, now);
        await Get<IPromotionStore>().CreateAsync(promotion, CatalogEvents.PromotionWritten(null, promotion, Clock), default);
        var code = "AWS" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        await Get<ICodeStore>().InsertAsync(Ids.New("cjb", Clock), [new PromoCode(Ids.New("code", Clock), promotion.Id, code, 0, codeUses, true, null)], default);

        // The live catalog reloads once its snapshot is older than a second.
        Clock.Advance(TimeSpan.FromSeconds(5));
        return (campaign.Id, promotion.Id, code);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: Wire) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static JsonSerializerOptions Wire { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = _aws.Configuration.AsEnumerable().Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value);
        settings["Auth:SigningKey"] = _signingKey;
        settings["Redemption:Sweeper:Interval"] = "01:00:00";

        // The Redemption function relays the outbox in AWS mode, which needs a queue to publish to.
        settings["Aws:EventQueues:analytics"] = _eventQueue;
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(_ => TestClients.DynamoDb(_aws.Emulator, Requests));
        });
    }
}
