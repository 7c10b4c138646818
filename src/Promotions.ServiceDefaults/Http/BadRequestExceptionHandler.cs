using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Promotions.Aws.Events.Lambda;
using Promotions.Domain.Common;

namespace Promotions.ServiceDefaults.Http;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unknown or missing members, bad
/// query values, oversized bodies) into ProblemDetails with the JSON path; anything else is a bug and
/// becomes a bare 500 problem without internals, or <see cref="PassThrough.FailureStatus"/> on a pass-through
/// path, so the Lambda Web Adapter fails that invocation and its event source delivers the batch again.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, error) = Classify(exception);
        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
            if (PassThrough.IsPassThrough(httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint))
            {
                status = PassThrough.FailureStatus;
            }
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = Problems.Create(status, error.Code, error.Message, [error]),
            Exception = exception,
        });
    }

    internal static (int Status, DomainError Error) Classify(Exception exception)
    {
        var json = Find<JsonException>(exception);
        if (json is not null)
        {
            var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            return (StatusCodes.Status400BadRequest, new DomainError("malformed_json", JsonErrorMessages.Of(json), path));
        }

        if (exception is BadHttpRequestException bad)
        {
            return bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge =>
                    (bad.StatusCode, new DomainError("payload_too_large", "The request body is larger than this endpoint accepts.", "$")),
                StatusCodes.Status415UnsupportedMediaType =>
                    (bad.StatusCode, new DomainError("unsupported_media_type", "Send the body as application/json.", "Content-Type")),
                _ => (StatusCodes.Status400BadRequest, new DomainError("bad_request", JsonErrorMessages.Scrub(bad.Message), ParameterOf(bad.Message))),
            };
        }

        return (StatusCodes.Status500InternalServerError,
            new DomainError("internal_error", "An unexpected error occurred; it has been logged.", null));
    }

    // Minimal APIs name the failing parameter in quotes: Failed to bind parameter "int limit" from "abc".
    private static string? ParameterOf(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end <= start)
        {
            return null;
        }

        var words = message[(start + 1)..end].Split(' ');
        return words[^1];
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
