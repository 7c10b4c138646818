using System.Threading.Channels;

namespace Promotions.AdminApi.Codes;

/// <summary>
/// The in-process hand-off from the endpoint that accepts a job to the runner that does it, so a request
/// only stores the job and returns 202. The job row is the durable record; the queue holds only ids.
/// </summary>
internal sealed class CodeJobQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Reader => _ids.Reader;

    public void Enqueue(string jobId)
    {
        // An unbounded channel only refuses writes after completion, which this queue never does.
        _ = _ids.Writer.TryWrite(jobId);
    }
}
