using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Common;

/// <summary>
/// The read-check-write flow every versioned resource shares: load the item, require the client's
/// <c>If-Match</c>, apply the endpoint's change (validation or a lifecycle move), write under the client's
/// version, and answer with the new ETag. Endpoints only supply what differs: the change itself. The write gets
/// the item as read too (current, next, expected version), for writes that report what changed.
/// </summary>
internal sealed record Versioned<T>(
    string What,
    Func<string, CancellationToken, Task<T?>> Get,
    Func<T, long> VersionOf,
    Func<T, T, long, CancellationToken, Task<WriteResult<T>>> Update,
    Func<string, long, CancellationToken, Task<WriteStatus>> Delete)
    where T : class
{
    /// <summary>The flow for a store whose update needs only the new item and the expected version.</summary>
    public Versioned(
        string what,
        Func<string, CancellationToken, Task<T?>> get,
        Func<T, long> versionOf,
        Func<T, long, CancellationToken, Task<WriteResult<T>>> update,
        Func<string, long, CancellationToken, Task<WriteStatus>> delete)
        : this(what, get, versionOf, (_, next, expected, ct) => update(next, expected, ct), delete)
    {
    }

    public async Task<Results<Ok<TResponse>, ProblemHttpResult>> GetAsync<TResponse>(
        string id, HttpResponse response, Func<T, TResponse> map, CancellationToken ct) =>
        await Get(id, ct) is { } item ? AdminResults.Ok(response, map(item), VersionOf(item)) : Problems.NotFound(What, id);

    /// <param name="change">The new state of the item, or the errors that refuse it.</param>
    /// <param name="written">Runs after a successful write (e.g. reindexing).</param>
    public async Task<Results<Ok<TResponse>, ProblemHttpResult>> ChangeAsync<TResponse>(
        string id, HttpContext http, Func<T, Task<Result<T>>> change, Func<T, TResponse> map, CancellationToken ct,
        Func<T, CancellationToken, Task>? written = null)
    {
        if (await Get(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(http.Request, VersionOf(current), out var expected) is { } failed)
        {
            return failed;
        }

        var next = await change(current);
        if (!next.IsSuccess)
        {
            return AdminResults.Problem(next.Errors);
        }

        var result = await Update(current, next.Value, expected, ct);
        if (result is not { Status: WriteStatus.Written, Value: { } stored })
        {
            return AdminResults.Failed(result.Status, What, id);
        }

        if (written is not null)
        {
            await written(stored, ct);
        }

        return AdminResults.Ok(http.Response, map(stored), VersionOf(stored));
    }

    /// <param name="guard">Why the item may not be deleted, or null.</param>
    /// <param name="deleted">Runs after a successful delete (e.g. removing from the index).</param>
    public async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpRequest request, Func<T, Task<DomainError?>> guard, CancellationToken ct,
        Func<string, CancellationToken, Task>? deleted = null)
    {
        if (await Get(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(request, VersionOf(current), out var expected) is { } failed)
        {
            return failed;
        }

        if (await guard(current) is { } refused)
        {
            return AdminResults.Problem([refused]);
        }

        var status = await Delete(id, expected, ct);
        if (status != WriteStatus.Written)
        {
            return AdminResults.Failed(status, What, id);
        }

        if (deleted is not null)
        {
            await deleted(id, ct);
        }

        return TypedResults.NoContent();
    }

    public static Task<DomainError?> NoGuard(T item) => Task.FromResult<DomainError?>(null);
}
