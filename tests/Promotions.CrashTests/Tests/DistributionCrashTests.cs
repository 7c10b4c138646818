using System.Diagnostics;
using System.Text;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.CrashTests;

/// <summary>
/// A code distribution across a SIGKILL: the process dies around its second batch (right after the batch committed, or
/// right before); after a restart the scheduler resumes it, every member of the segment holds exactly one code, and
/// every batch number was written once.
/// </summary>
public sealed class DistributionCrashTests
{
    private const int Members = 7;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string> Tick = new() { ["Admin:Schedule:Interval"] = "00:00:00.200" };

    private readonly string _signingKey = DevTokens.NewSigningKey();

    [Theory]
    [InlineData("after")]
    [InlineData("before")]
    public async Task Distribution_WhenTheProcessIsKilledMidway_AssignsEachCustomerOnceAfterRestart(string when)
    {
        using var data = new DataDirectory();
        await using (var first = await CrashHostProcess.StartAsync(data.Path, _signingKey, new Dictionary<string, string>(Tick) { ["Crash:DistributionBatch"] = when }))
        {
            await DistributionAsync(first.Client);
            await first.WaitForExitAsync(Patience);
        }

        Assert.Equal(when == "after" ? 4 : 2, await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM distributed_codes;"));

        await using var second = await CrashHostProcess.StartAsync(data.Path, _signingKey, Tick);
        var waited = Stopwatch.StartNew();
        while (await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM code_distributions WHERE state = 'Completed';") < 1)
        {
            Assert.True(waited.Elapsed < Patience, "The distribution did not go on after the restart:\n" + second.Output);
            await Task.Delay(200);
        }

        Assert.Equal(Members, await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM distributed_codes;"));
        Assert.Equal(Members, await AdminCalls.CountAsync(data, "SELECT COUNT(DISTINCT customer_id) FROM distributed_codes;"));
        Assert.Equal(Members, await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM codes WHERE assigned_customer_id IS NOT NULL;"));
        Assert.Equal(Members, await AdminCalls.CountAsync(data, "SELECT COUNT(DISTINCT assigned_customer_id) FROM codes;"));
        Assert.Equal(4, await AdminCalls.CountAsync(data, "SELECT COUNT(*) FROM outbox WHERE type = 'codes_distributed';"));
        Assert.Equal(4, await AdminCalls.CountAsync(data, "SELECT COUNT(DISTINCT json_extract(payload, '$.batch')) FROM outbox WHERE type = 'codes_distributed';"));
        Assert.Equal(Members, await AdminCalls.CountAsync(data,
            "SELECT COUNT(DISTINCT json_extract(c.value, '$.customerId')) FROM outbox AS o, json_each(json_extract(o.payload, '$.codes')) AS c WHERE o.type = 'codes_distributed';"));
    }

    // A campaign starting in two seconds, a code promotion with nine codes, a segment of seven customers (and one
    // outsider), and a plan whose first stage distributes the codes two at a time (four batches), scheduled.
    private static async Task DistributionAsync(HttpClient client)
    {
        var now = TimeProvider.System.GetUtcNow();
        var campaign = await AdminCalls.PostAsync(client, "/admin/campaigns", new { name = "Crash", startsAt = now.AddSeconds(2), endsAt = now.AddDays(1) });
        var promotion = await AdminCalls.PostAsync(client, "/admin/promotions", new
        {
            campaignId = campaign.Id, name = "Mailed", kind = "code",
            effect = new { type = "percent_off", percent = 10, target = new { scope = "order" } },
        });
        var csv = new StringBuilder("code\n");
        for (var i = 0; i < 9; i++)
        {
            csv.Append(FormattableString.Invariant($"CRASH{promotion.Id[^6..].ToUpperInvariant()}{i}\n"));
        }

        using (var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))
        using (var imported = await client.PostAsync(new Uri($"/admin/promotions/{promotion.Id}/codes/import", UriKind.Relative), content))
        {
            Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        }

        var segment = await AdminCalls.PostAsync(client, "/admin/segments", new { name = "Newsletter" });
        for (var i = 0; i < Members; i++)
        {
            await AdminCalls.PostAsync(client, "/admin/customers", new { segmentIds = new[] { segment.Id } });
        }

        await AdminCalls.PostAsync(client, "/admin/customers", new { segmentIds = Array.Empty<string>() });
        var plan = new
        {
            stages = new object[]
            {
                new
                {
                    name = "launch", after = "PT0S",
                    changes = new object[] { new { type = "activate" }, new { type = "distribute_codes", promotionId = promotion.Id, segmentId = segment.Id, batchSize = 2 } },
                },
            },
        };
        var tag = await AdminCalls.SendAsync(client, HttpMethod.Put, $"/admin/campaigns/{campaign.Id}/plan", plan, campaign.ETag);
        await AdminCalls.SendAsync(client, HttpMethod.Post, $"/admin/campaigns/{campaign.Id}/lifecycle", new { action = "schedule" }, tag);
    }
}
