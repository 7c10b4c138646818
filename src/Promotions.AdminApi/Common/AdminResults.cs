using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Lifecycle;
using Promotions.AdminApi.Plans;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Common;

/// <summary>The HTTP outcomes the admin endpoints share: preconditions, store write statuses, conflicts.</summary>
internal static class AdminResults
{
    /// <summary>Error codes of this API that mean "not in this state": HTTP 409.</summary>
    public static readonly FrozenSet<string> ConflictCodes = new[]
    {
        LifecycleRules.NotEditable, LifecycleRules.NotDeletable, LifecycleGuards.WindowEnded, LifecycleGuards.StartRequired,
        LifecycleGuards.CampaignNotReady, LifecycleRules.NotCodePromotion, ApprovalRules.ApprovalRequired, ApprovalRules.ApprovalState,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// 428 when <c>If-Match</c> is absent, 412 when it names another version than
    /// <paramref name="currentVersion"/>; null when the client holds the current version. The store still
    /// checks the version atomically on write, so this early answer only saves work.
    /// </summary>
    public static ProblemHttpResult? Precondition(HttpRequest request, long currentVersion, out long expectedVersion)
    {
        if (!ETags.TryReadIfMatch(request, out expectedVersion))
        {
            return Problems.IfMatchRequired();
        }

        return expectedVersion == currentVersion ? null : Problems.VersionConflict();
    }

    /// <summary>The problem of a write that did not happen.</summary>
    public static ProblemHttpResult Failed(WriteStatus status, string what, string id) => status switch
    {
        WriteStatus.NotFound => Problems.NotFound(what, id),
        WriteStatus.VersionConflict => Problems.VersionConflict(),
        WriteStatus.Duplicate => Problems.From(new DomainError("duplicate", $"A {what} with this id or key already exists.", "$")),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A written item is not a failure."),
    };

    /// <summary>
    /// The problem of expected failures: 409 when the first names a state the item is in (codes of this
    /// API that the shared status table does not know), otherwise the shared mapping.
    /// </summary>
    public static ProblemHttpResult Problem(IReadOnlyList<DomainError> errors) =>
        errors.Count > 0 && ConflictCodes.Contains(errors[0].Code)
            ? TypedResults.Problem(Problems.Create(StatusCodes.Status409Conflict, errors[0].Code, errors[0].Message, errors))
            : Problems.From(errors);

    /// <summary>A 409 for a state the item is in.</summary>
    public static ProblemHttpResult Conflict(string code, string message, string? path = null) =>
        Problem([new DomainError(code, message, path)]);

    /// <summary>201 with the item's location and ETag.</summary>
    public static Created<T> Created<T>(HttpResponse response, string location, T body, long version)
    {
        ETags.Set(response, version);
        return TypedResults.Created(location, body);
    }

    /// <summary>200 with the item's ETag.</summary>
    public static Ok<T> Ok<T>(HttpResponse response, T body, long version)
    {
        ETags.Set(response, version);
        return TypedResults.Ok(body);
    }
}
