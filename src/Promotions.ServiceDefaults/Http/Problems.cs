using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Promotions.Domain.Common;

namespace Promotions.ServiceDefaults.Http;

/// <summary>
/// Every error of every service becomes an RFC 9457 ProblemDetails here, in one place: a top-level
/// machine-readable <c>code</c> and an <c>errors</c> array of <c>{ code, message, path }</c>, where
/// <c>path</c> is the JSON path (or query/header name) of the failing input.
/// </summary>
public static class Problems
{
    private static readonly FrozenDictionary<string, int> StatusByCode = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["not_found"] = StatusCodes.Status404NotFound,
        ["version_conflict"] = StatusCodes.Status412PreconditionFailed,
        ["if_match_required"] = StatusCodes.Status428PreconditionRequired,
        ["duplicate"] = StatusCodes.Status409Conflict,
        ["illegal_transition"] = StatusCodes.Status409Conflict,
        ["in_use"] = StatusCodes.Status409Conflict,
        ["payload_too_large"] = StatusCodes.Status413PayloadTooLarge,
        ["unsupported_media_type"] = StatusCodes.Status415UnsupportedMediaType,
        ["not_ready"] = StatusCodes.Status409Conflict,
        ["upload_missing"] = StatusCodes.Status409Conflict,
        ["upload_changed"] = StatusCodes.Status409Conflict,
        ["upload_expired"] = StatusCodes.Status410Gone,
        ["signature_invalid"] = StatusCodes.Status403Forbidden,
        ["url_expired"] = StatusCodes.Status403Forbidden,
        ["already_received"] = StatusCodes.Status409Conflict,
        ["channel_not_allowed"] = StatusCodes.Status403Forbidden,
        ["code_attempts_locked"] = StatusCodes.Status429TooManyRequests,
        ["admin_only"] = StatusCodes.Status403Forbidden,
        ["four_eyes"] = StatusCodes.Status403Forbidden,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The HTTP status of an error code (400 unless the code names another).</summary>
    public static int StatusOf(string code) => StatusByCode.GetValueOrDefault(code, StatusCodes.Status400BadRequest);

    /// <summary>A problem for one or more expected failures; the status comes from the first error's code.</summary>
    public static ProblemHttpResult From(IReadOnlyList<DomainError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.Count > 0 ? errors[0] : new DomainError("invalid_request", "The request is not valid.");
        var status = StatusOf(first.Code);
        return TypedResults.Problem(Create(status, first.Code, errors.Count == 1 ? first.Message : "The request is not valid.", errors));
    }

    public static ProblemHttpResult From(DomainError error) => From([error]);

    public static ProblemHttpResult NotFound(string what, string id) =>
        From(new DomainError("not_found", $"No {what} with id '{id}'.", "$.id"));

    public static ProblemHttpResult VersionConflict() =>
        From(new DomainError("version_conflict", "The item changed since it was read: fetch it again and retry with its ETag.", "If-Match"));

    public static ProblemHttpResult IfMatchRequired() =>
        From(new DomainError("if_match_required", "Send the ETag you read in an If-Match header to change this item.", "If-Match"));

    /// <summary>Builds the ProblemDetails body itself (for middleware and exception handlers).</summary>
    public static ProblemDetails Create(int status, string code, string title, IReadOnlyList<DomainError> errors)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Type = $"https://promotions.dev/problems/{code.Replace('.', '-').Replace('_', '-')}",
        };
        problem.Extensions["code"] = code;
        problem.Extensions["errors"] = errors.Select(e => new ProblemError(e.Code, e.Message, e.Path)).ToArray();
        return problem;
    }
}

/// <summary>One entry of a problem's <c>errors</c> array.</summary>
public sealed record ProblemError(string Code, string Message, string? Path);
