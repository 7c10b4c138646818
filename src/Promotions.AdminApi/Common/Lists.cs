using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Common;

/// <summary>Answers a list call: the filter errors and the page parameters are reported together, then one page is loaded.</summary>
internal static class Lists
{
    /// <param name="errors">Errors already found in the list's filters, or null.</param>
    public static async Task<Results<Ok<ListResponse<TResponse>>, ProblemHttpResult>> PageAsync<T, TResponse>(
        string? cursor, string? limit, Func<ListQuery, Task<Page<T>>> load, Func<T, TResponse> map, List<DomainError>? errors = null)
    {
        errors ??= [];
        return Paging.Parse(cursor, limit, errors) is { } page
            ? TypedResults.Ok(ListResponse<TResponse>.From(await load(page), map))
            : Problems.From(errors);
    }
}
