using System.Collections.Concurrent;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The DynamoDB requests a test's client sent, with the status and error type of each answer: lets a test show that
/// a refusal came from a real cancellation of a real transaction, not from a read or from code that guessed. A test
/// can also run a step of its own just before the next request of one operation is sent (<see cref="BeforeNext"/>):
/// a concurrent change landing between the code's read and its write, at exactly that point.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();
    private (string Operation, Func<Task> Step)? _interposed;

    public IReadOnlyList<LoggedRequest> All => [.. _requests];

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

    /// <summary>The requests sent after the first <paramref name="skip"/> (take <see cref="Count"/> before the act).</summary>
    public IReadOnlyList<LoggedRequest> Since(int skip) => [.. _requests.Skip(skip)];

    public int Count => _requests.Count;

    /// <summary>Runs <paramref name="step"/> once, before the next request of <paramref name="operation"/> goes out.</summary>
    public void BeforeNext(string operation, Func<Task> step) => _interposed = (operation, step);

    /// <summary>The step to run before this request, taken so that it runs once (its own requests pass untouched).</summary>
    internal Func<Task>? TakeStep(string operation)
    {
        lock (_requests)
        {
            if (_interposed is { } interposed && interposed.Operation == operation)
            {
                _interposed = null;
                return interposed.Step;
            }

            return null;
        }
    }
}

/// <summary>One request: its operation (<c>TransactWriteItems</c>, …), the HTTP status, and the error type of a refusal.</summary>
public sealed record LoggedRequest(string Operation, int Status, string? ErrorType);
