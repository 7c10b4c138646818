using System.Diagnostics;
using Promotions.Domain.Analytics;

namespace Promotions.CrashHost;

/// <summary>A consumer that ends the process with SIGKILL on the first event it sees: a crash between delivery and marking.</summary>
internal sealed class KillAfterConsume : IEventConsumer
{
    public string Name => "kill-after-consume";

    public Task<ConsumeOutcome> ConsumeAsync(string envelope, CancellationToken ct)
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
        return Task.FromResult(ConsumeOutcome.Applied);
    }
}
