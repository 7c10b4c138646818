using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Promotions.Domain.Common;
using Promotions.ServiceDefaults.Http;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// 401 and 403 as ProblemDetails in every service: top-level <c>code</c> <c>unauthorized</c> or <c>forbidden</c>,
/// and an error that says exactly what is wrong (no token, expired, wrong issuer, client, audience or token use,
/// bad signature; or which roles and scopes the endpoint needs).
/// </summary>
internal sealed class AuthProblems(IConfiguration configuration) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();
    private readonly bool _lambda = EventsIngestRequirement.TrustsLambdaPassThrough(configuration);

    /// <summary>Writes the 401 of a failed or missing token, with <c>WWW-Authenticate</c> (RFC 6750).</summary>
    public static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (code, message) = Reason(context.AuthenticateFailure);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{message.Replace('"', '\'')}\"";
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "unauthorized", new DomainError(code, message, "Authorization"));
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        ArgumentNullException.ThrowIfNull(policy);
        if (_lambda && !authorizeResult.Succeeded && policy.Requirements.OfType<EventsIngestRequirement>().Any())
        {
            // No token could make such a request acceptable, so it is refused as forbidden even without one.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden", new DomainError("not_pass_through",
                "Pass-through endpoints take only the function's own events, never requests through API Gateway.", null));
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var name = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, StatusCodes.Status403Forbidden, "forbidden", new DomainError("missing_grant", PolicyGrants.Describe(name), null));
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    internal static (string Code, string Message) Reason(Exception? failure) => failure switch
    {
        null => ("token_missing", "Send a bearer token in the Authorization header."),
        TokenRefusedException refused => (refused.Code, refused.Message),
        SecurityTokenExpiredException => ("token_expired", "The token has expired."),
        SecurityTokenNotYetValidException => ("token_not_yet_valid", "The token is not valid yet."),
        SecurityTokenNoExpirationException => ("token_invalid", "The token has no expiry."),
        SecurityTokenInvalidIssuerException => ("token_wrong_issuer", "The token was issued by an issuer this service does not accept."),
        SecurityTokenInvalidAudienceException => ("token_wrong_audience", "The token is for another audience."),
        SecurityTokenInvalidAlgorithmException => ("token_wrong_algorithm", "The token is signed with an algorithm this service does not accept."),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            ("token_bad_signature", "The token's signature does not verify with the issuer's keys."),
        InvalidOperationException => ("token_keys_unavailable", "The issuer's signing keys could not be read; try again."),
        _ => ("token_invalid", "The token is not a valid JWT for this service."),
    };

    private static async Task WriteAsync(HttpContext context, int status, string code, DomainError error)
    {
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Problems.Create(status, code, error.Message, [error]),
        });
    }
}
