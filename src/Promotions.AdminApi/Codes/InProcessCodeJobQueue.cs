using System.Threading.Channels;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Codes;

/// <summary>
/// The hand-off of a service that runs as a process: an in-process channel from the endpoint that accepts a job
/// to the <see cref="CodeJobWorker"/> that runs it, so a request only stores the job and returns 202. The job
/// record is the durable record; the channel holds only ids, and a restart finds queued jobs in the store.
/// </summary>
internal sealed class InProcessCodeJobQueue : ICodeJobQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Reader => _ids.Reader;

    public Task EnqueueAsync(string jobId, CancellationToken ct)
    {
        // An unbounded channel only refuses writes after completion, which this queue never does.
        _ = _ids.Writer.TryWrite(jobId);
        return Task.CompletedTask;
    }
}
