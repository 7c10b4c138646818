namespace Promotions.Domain.Ports;

/// <summary>
/// Hands an accepted code job to its runner: an in-process queue when the service runs as a process, a message
/// queue when it runs as a function that is frozen between invocations. The job record is the durable truth; a
/// hand-off may be delivered more than once, so the runner claims a job before it runs it.
/// </summary>
public interface ICodeJobQueue
{
    Task EnqueueAsync(string jobId, CancellationToken ct);
}
