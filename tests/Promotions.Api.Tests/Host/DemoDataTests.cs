using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Domain.Discounts;
using Promotions.Domain.Rules;
using Promotions.LocalHost.Demo;

namespace Promotions.Api.Tests.Host;

/// <summary>The demo catalog: valid in the rule and effect languages, visible through the API, seeded once.</summary>
public sealed class DemoDataTests : IDisposable
{
    private readonly string _directory = LocalHostFactory.NewTempDirectory();

    [Fact]
    public void Catalog_EveryRuleCriterionAndEffect_Parses()
    {
        var data = DemoCatalog.Create(DateTimeOffset.UnixEpoch);
        var errors = new List<string>();
        foreach (var promotion in data.Promotions)
        {
            errors.AddRange(EffectParser.Parse(promotion.Effect).Errors.Select(e => $"{promotion.Id} effect {e.Path}: {e.Message}"));
            foreach (var rule in promotion.Rules)
            {
                errors.AddRange(RuleLanguage.Parse(rule.Condition).Errors.Select(e => $"{promotion.Id} rule {e.Path}: {e.Message}"));
            }
        }

        foreach (var segment in data.Segments)
        {
            errors.AddRange(RuleLanguage.Parse(segment.Criteria!.Value).Errors.Select(e => $"{segment.Id} criteria {e.Path}: {e.Message}"));
        }

        Assert.Empty(errors);
        Assert.Equal(data.Promotions.Count, data.Promotions.Sum(p => p.Rules.Count));
        Assert.All(data.Segments, s => Assert.NotNull(s.Criteria));
    }

    [Fact]
    public void Catalog_Ids_AreUniqueAndShapedLikeRealIds()
    {
        var data = DemoCatalog.Create(DateTimeOffset.UnixEpoch);
        string[] ids =
        [
            .. data.CampaignTypes.Select(x => x.Id), .. data.Segments.Select(x => x.Id), .. data.Customers.Select(x => x.Id),
            .. data.Campaigns.Select(x => x.Id), .. data.Promotions.Select(x => x.Id), .. data.Codes.Select(x => x.Id),
            .. data.Promotions.SelectMany(p => p.Rules).Select(r => r.Id),
        ];

        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$", id));
    }

    [Fact]
    public async Task Seed_RunTwiceAndOnRestart_ChangesNothing_AndTheApiShowsTheCatalog()
    {
        IReadOnlyDictionary<string, string> afterFirst;
        await using (var host = new LocalHostFactory(demo: true, dataDirectory: _directory))
        {
            using var admin = host.Admin();
            var promotions = await admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/promotions?limit=200", UriKind.Relative));
            var codes = await admin.GetFromJsonAsync<JsonElement>(
                new Uri($"/admin/promotions/{DemoPromotions.WelcomeGift}/codes", UriKind.Relative));
            Assert.Equal(DemoCatalog.Create(DateTimeOffset.UnixEpoch).Promotions.Count, promotions.GetProperty("items").GetArrayLength());
            Assert.Equal(5, codes.GetProperty("items").GetArrayLength());

            // The seed's catalog events are delivered in the background; the snapshot is of the settled store.
            await StoreSnapshot.WaitForDispatchAsync(host.DatabasePath);
            afterFirst = StoreSnapshot.Take(host.DatabasePath);
            var addedAgain = await host.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

            Assert.Equal(0, addedAgain);
            Assert.Empty(StoreSnapshot.Changed(afterFirst, StoreSnapshot.Take(host.DatabasePath)));
        }

        await using (var restarted = new LocalHostFactory(demo: true, dataDirectory: _directory))
        {
            _ = restarted.Server;
            Assert.Empty(StoreSnapshot.Changed(afterFirst, StoreSnapshot.Take(restarted.DatabasePath)));
        }
    }

    public void Dispose() => LocalHostFactory.DeleteDirectory(_directory);
}
