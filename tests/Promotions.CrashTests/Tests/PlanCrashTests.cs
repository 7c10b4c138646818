using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.CrashTests;

/// <summary>
/// A plan step applied exactly once across a SIGKILL: the process dies right after the step's transaction committed
/// (before anything acknowledged it) or right before it; after a restart the step is there once, and the plan goes on.
/// </summary>
public sealed class PlanCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> Tick = new() { ["Admin:Schedule:Interval"] = "00:00:00.200" };

    private readonly string _signingKey = DevTokens.NewSigningKey();

    [Theory]
    [InlineData("after")]
    [InlineData("before")]
    public async Task PlanStep_WhenTheProcessIsKilledAroundIt_IsAppliedExactlyOnceAfterRestart(string when)
    {
        using var data = new DataDirectory();
        string promotion;
        await using (var first = await CrashHostProcess.StartAsync(data.Path, _signingKey, new Dictionary<string, string>(Tick) { ["Crash:PlanStep"] = when }))
        {
            promotion = await PlanAsync(first.Client);
            await first.WaitForExitAsync(Patience);
        }

        Assert.Equal(when == "after" ? 1 : 0, await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM plan_steps;"));

        await using var second = await CrashHostProcess.StartAsync(data.Path, _signingKey, Tick);
        var waited = Stopwatch.StartNew();
        while (await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM plan_steps;") < 2)
        {
            Assert.True(waited.Elapsed < Patience, "The plan did not go on after the restart:\n" + second.Output);
            await Task.Delay(200);
        }

        Assert.Equal(1, await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM plan_steps WHERE step_index = 0;"));
        Assert.Equal(1, await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM outbox WHERE type = 'campaign_stage_applied' AND json_extract(payload, '$.stageIndex') = 0;"));
        Assert.Equal(1, await AdminCalls.CountAsync(data, $"SELECT COUNT(*) FROM outbox WHERE type = 'promotion_published' AND json_extract(payload, '$.promotionId') = '{promotion}';"));

        // Created (1), activated by the first stage (2), deepened by the second (3): each stage changed it once.
        var stored = await second.Client.GetFromJsonAsync<JsonElement>($"/admin/promotions/{promotion}");
        Assert.Equal(("active", 3L, 20), (stored.GetProperty("status").GetString(), stored.GetProperty("version").GetInt64(),
            stored.GetProperty("effect").GetProperty("percent").GetInt32()));
    }

    // A campaign starting in two seconds with a promotion, a two-stage plan (go live; three seconds later, 20 %), scheduled.
    private static async Task<string> PlanAsync(HttpClient client)
    {
        var now = TimeProvider.System.GetUtcNow();
        var campaign = await AdminCalls.PostAsync(client, "/admin/campaigns", new { name = "Crash", startsAt = now.AddSeconds(2), endsAt = now.AddDays(1) });
        var promotion = await AdminCalls.PostAsync(client, "/admin/promotions", new
        {
            campaignId = campaign.Id, name = "10 % off", kind = "automatic",
            effect = new { type = "percent_off", percent = 10, target = new { scope = "order" } },
        });
        var plan = new
        {
            stages = new object[]
            {
                new { name = "go live", after = "PT0S", changes = new object[] { new { type = "activate" }, new { type = "activate", promotionId = promotion.Id } } },
                new
                {
                    name = "deeper", after = "PT3S",
                    changes = new object[] { new { type = "set_effect", promotionId = promotion.Id, effect = new { type = "percent_off", percent = 20, target = new { scope = "order" } } } },
                },
            },
        };
        var tag = await AdminCalls.SendAsync(client, HttpMethod.Put, $"/admin/campaigns/{campaign.Id}/plan", plan, campaign.ETag);
        await AdminCalls.SendAsync(client, HttpMethod.Post, $"/admin/campaigns/{campaign.Id}/lifecycle", new { action = "schedule" }, tag);
        return promotion.Id;
    }
}
