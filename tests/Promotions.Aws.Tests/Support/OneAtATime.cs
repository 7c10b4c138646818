namespace Promotions.Aws.Tests.Support;

/// <summary>
/// An async lock that admits the most recent waiter first. Any order of the waiting requests is one DynamoDB could
/// have applied them in; this one lets a request planned again after a refusal go next, as it would a round trip
/// later on DynamoDB, instead of behind every request queued before it, which against moto's slowness turns one
/// refusal into hundreds (all the queued requests were planned on the state before it).
/// </summary>
internal sealed class OneAtATime
{
    private readonly Stack<TaskCompletionSource> _waiting = new();
    private bool _busy;

    public Task EnterAsync()
    {
        lock (_waiting)
        {
            if (!_busy)
            {
                _busy = true;
                return Task.CompletedTask;
            }

            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Push(turn);
            return turn.Task;
        }
    }

    public void Exit()
    {
        lock (_waiting)
        {
            if (_waiting.TryPop(out var next))
            {
                next.SetResult();
            }
            else
            {
                _busy = false;
            }
        }
    }
}
