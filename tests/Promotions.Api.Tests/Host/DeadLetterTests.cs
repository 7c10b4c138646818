using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Analytics;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.LocalHost.Events;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// The local host's relay with an event Analytics cannot apply in its outbox: the event is parked after the bounded
/// tries, the events behind it are counted, the <c>dead-letters</c> command lists it and puts it back.
/// </summary>
public sealed class DeadLetterTests : IDisposable
{
    private readonly LocalHostFactory _factory = new(demo: false, settings: new Dictionary<string, string>
    {
        ["Embedded:Dispatch:InitialDelay"] = "00:00:00",
        ["Embedded:Dispatch:MaxAttempts"] = "2",
        ["Embedded:Dispatch:RetryDelay"] = "00:00:00.050",
    });

    [Fact]
    public async Task Relay_WhenAnalyticsCannotApplyAnEvent_ParksItAndKeepsApplyingTheEventsAfterIt()
    {
        using var admin = _factory.Admin();
        var campaign = Ids.New("cmp", TimeProvider.System);
        var poison = Redeemed(campaign, orderTotal: 1e17m);
        await AppendAsync(Redeemed(campaign), poison, Redeemed(campaign));

        var listed = await UntilAsync(() => Command([]), output => output.Contains(poison.EventId, StringComparison.Ordinal));
        Assert.Contains("1 parked event(s)", listed, StringComparison.Ordinal);
        Assert.Contains($"{poison.EventId}\t{RedemptionRecorded.TypeName}\tanalytics\t2\t", listed, StringComparison.Ordinal);
        Assert.Contains(nameof(OverflowException), listed, StringComparison.Ordinal);
        Assert.Equal(2, await UntilAsync(() => RedemptionsAsync(admin, campaign), n => n == 2));

        // Analytics stays current after the parked event.
        await AppendAsync(Redeemed(campaign));
        Assert.Equal(3, await UntilAsync(() => RedemptionsAsync(admin, campaign), n => n == 3));

        Assert.Contains("1 event(s) put back", Command(["replay", poison.EventId]), StringComparison.Ordinal);
        Assert.Contains("No parked event", Command(["replay", "evt_unknown"]), StringComparison.Ordinal);
        var again = await UntilAsync(() => Command([]), output => output.Contains(poison.EventId, StringComparison.Ordinal));
        Assert.Contains("1 parked event(s)", again, StringComparison.Ordinal);
        Assert.Equal(3, await RedemptionsAsync(admin, campaign));
    }

    public void Dispose() => _factory.Dispose();

    private static RedemptionRecorded Redeemed(string campaign, decimal orderTotal = 100m) =>
        new(Ids.New("evt", TimeProvider.System), TimeProvider.System.GetUtcNow(), Ids.New("rdm", TimeProvider.System), "prm_dead_letters", campaign, null, "cus_1", "web",
            "ord_1", orderTotal, 10m, "EUR", [], []);

    private async Task AppendAsync(params DomainEvent[] events)
    {
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Default Timeout=30");
        await connection.OpenAsync();
        foreach (var e in events)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO outbox (event_id, type, version, occurred_at, payload) VALUES ($id, $type, 1, $at, $payload);";
            insert.Parameters.AddWithValue("$id", e.EventId);
            insert.Parameters.AddWithValue("$type", RedemptionRecorded.TypeName);
            insert.Parameters.AddWithValue("$at", e.OccurredAt.UtcTicks);
            insert.Parameters.AddWithValue("$payload", EventEnvelope.Write(e));
            await insert.ExecuteNonQueryAsync();
        }
    }

    private string Command(string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        DeadLettersCommand.Run([.. args, $"--Embedded:DataDirectory={_factory.DataDirectory}"], output, errors);
        return output.ToString() + errors;
    }

    private static async Task<int> RedemptionsAsync(HttpClient admin, string campaign)
    {
        using var response = await admin.GetAsync(new Uri($"/analytics/campaigns/{campaign}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return 0;
        }

        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return report.RootElement.GetProperty("totals").EnumerateArray().Sum(row => row.GetProperty("redemptions").GetInt32());
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 200 && !done(value); i++)
        {
            await Task.Delay(50);
            value = await read();
        }

        return value;
    }

    private static Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> done) => UntilAsync(() => Task.FromResult(read()), done);
}
