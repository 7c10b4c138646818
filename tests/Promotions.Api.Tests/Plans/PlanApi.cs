using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Api.Tests.Admin;

namespace Promotions.Api.Tests.Plans;

/// <summary>What the plan tests share: a campaign with a teaser and a main promotion, the three-stage plan, and waiting for a stage.</summary>
internal static class PlanApi
{
    public static object Percent(int percent) => new { type = "percent_off", percent, target = new { scope = "order" } };

    /// <summary>A campaign starting in five minutes for ten days, and its teaser and main promotions (drafts).</summary>
    public static async Task<(string Campaign, string ETag, string Teaser, string Main)> CampaignAsync(
        HttpClient admin, DateTimeOffset now, bool requiresApproval = false)
    {
        var body = AdminBodies.Campaign();
        (body["startsAt"], body["endsAt"]) = (now.AddMinutes(5), now.AddDays(10));
        body["requiresApproval"] = requiresApproval;
        var (campaign, tag) = await admin.Create("/admin/campaigns", body);
        var teaser = AdminBodies.Promotion(campaign.Id());
        teaser["name"] = "Teaser: 10% off";
        teaser["effect"] = Percent(10);
        var main = AdminBodies.Promotion(campaign.Id());
        main["name"] = "Summer: 10% off";
        main["effect"] = Percent(10);
        return (campaign.Id(), tag, (await admin.Create("/admin/promotions", teaser)).Body.Id(), (await admin.Create("/admin/promotions", main)).Body.Id());
    }

    /// <summary>Teaser at the start, launch (the teaser ends, the main promotion deepens to 20 % and goes live) ten minutes
    /// later, last chance (30 %) ten minutes after that unless 90 % of the budget is spent. Minutes, not days: the fake
    /// clock fires every periodic timer of the host once per period it jumps over.</summary>
    public static object ThreeStages(string teaser, string main) => new
    {
        stages = new object[]
        {
            new
            {
                name = "teaser", after = "PT0S",
                changes = new object[] { new { type = "activate" }, new { type = "activate", promotionId = teaser } },
            },
            new
            {
                name = "launch", after = "PT10M",
                changes = new object[]
                {
                    new { type = "end", promotionId = teaser },
                    new { type = "set_effect", promotionId = main, effect = Percent(20) },
                    new { type = "activate", promotionId = main },
                },
            },
            new
            {
                name = "last chance", after = "PT10M",
                changes = new object[] { new { type = "set_effect", promotionId = main, effect = Percent(30) } },
                skipIf = new { budgetSpentAtLeast = 0.9m },
            },
        },
    };

    /// <summary>Puts the plan and answers the campaign's new ETag.</summary>
    public static async Task<string> PutPlanAsync(HttpClient admin, string campaign, object plan, string etag)
    {
        using var response = await admin.PutJson($"/admin/campaigns/{campaign}/plan", plan, etag);
        await response.Expect(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }

    /// <summary>Moves the fake clock a second at a time (the schedule's tick) until stage <paramref name="index"/> has run.</summary>
    public static async Task<JsonElement> StageRanAsync(HttpClient admin, FakeTimeProvider clock, string campaign, int index)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var plan = await (await admin.GetAsync(new Uri($"/admin/campaigns/{campaign}/plan", UriKind.Relative))).Expect(HttpStatusCode.OK);
            var stage = plan.GetProperty("stages")[index];
            if (stage.GetProperty("status").GetString() != "pending")
            {
                return plan;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"Stage {index} never ran: {plan}");
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        await (await client.GetAsync(new Uri(path, UriKind.Relative))).Expect(HttpStatusCode.OK);

    public static async Task<string> ETagAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Expect(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }
}
