using System.Diagnostics;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.CrashTests;

/// <summary>
/// At-least-once delivery with exactly-once counting, proven by killing a real process: a redemption
/// committed just before a SIGKILL is delivered after restart and counted once, and an event Analytics
/// accepted before the relay could mark it is delivered again and still counted once.
/// </summary>
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The first life never dispatches: the kill lands between the commit and any delivery.
    private static readonly Dictionary<string, string> NeverDispatch = new() { ["Embedded:Dispatch:InitialDelay"] = "01:00:00" };

    private static readonly Dictionary<string, string> DispatchAtOnce = new()
    {
        ["Embedded:Dispatch:InitialDelay"] = "00:00:00",
        ["Embedded:Dispatch:PollInterval"] = "00:00:00.100",
    };

    private readonly string _signingKey = DevTokens.NewSigningKey();

    [Fact]
    public async Task Redemption_WhenProcessIsKilledRightAfterCommit_IsCountedExactlyOnceAfterRestart()
    {
        using var data = new DataDirectory();
        await using (var first = await CrashHostProcess.StartAsync(data.Path, _signingKey, NeverDispatch))
        {
            await first.RedeemAsync();
            await first.KillAsync();
        }

        Assert.Equal(1, await data.PendingEventsAsync());
        Assert.Equal(0, await data.AppliedRedemptionsAsync());

        await using var second = await CrashHostProcess.StartAsync(data.Path, _signingKey, DispatchAtOnce);
        await AssertCountedOnceAsync(second, data);
    }

    [Fact]
    public async Task Redemption_WhenProcessDiesAfterAnalyticsAcceptedBeforeMarking_IsRedeliveredAndCountedOnce()
    {
        using var data = new DataDirectory();
        var crashing = new Dictionary<string, string>(DispatchAtOnce) { ["Crash:AfterConsume"] = "true" };
        await using (var first = await CrashHostProcess.StartAsync(data.Path, _signingKey, crashing))
        {
            try
            {
                await first.RedeemAsync();
            }
            catch (HttpRequestException)
            {
                // The relay may deliver, and so kill the process, before the response is written; the
                // database below says whether the redemption committed.
            }

            await first.WaitForExitAsync(Patience);
        }

        Assert.Equal(1, await data.AppliedRedemptionsAsync());
        Assert.Equal(1, await data.PendingEventsAsync());

        await using var second = await CrashHostProcess.StartAsync(data.Path, _signingKey, DispatchAtOnce);
        await AssertCountedOnceAsync(second, data);
    }

    private static async Task AssertCountedOnceAsync(CrashHostProcess host, DataDirectory data)
    {
        var waited = Stopwatch.StartNew();
        while (await data.PendingEventsAsync() > 0)
        {
            Assert.True(waited.Elapsed < Patience, "The event was never dispatched:\n" + host.Output);
            await Task.Delay(100);
        }

        Assert.Equal(1, await host.CountedRedemptionsAsync());

        // A few more dispatch cycles (100 ms each) must not deliver it again.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.CountedRedemptionsAsync());
        Assert.Equal(1, await data.AppliedRedemptionsAsync());
        Assert.False(host.HasExited, host.Output);
    }
}
