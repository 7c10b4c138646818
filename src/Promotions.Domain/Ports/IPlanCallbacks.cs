namespace Promotions.Domain.Ports;

/// <summary>
/// Answers to a plan step that waits for one (on AWS, a Step Functions task with a task token: the step that
/// distributes codes answers the list of its batches). The embedded adapters hand out no tokens and register none.
/// </summary>
public interface IPlanCallbacks
{
    /// <summary>Completes the waiting step with <paramref name="output"/> (JSON); false when nothing waits for the token any more.</summary>
    Task<bool> SucceedAsync(string token, string output, CancellationToken ct);

    /// <summary>Fails the waiting step; false when nothing waits for the token any more.</summary>
    Task<bool> FailAsync(string token, string error, string cause, CancellationToken ct);
}
