using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Promotions.Domain.Common;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.LocalHost.Portal;

/// <summary>
/// What the local host adds for the admin portal: <c>/config.json</c> (its runtime configuration) and
/// <c>POST /dev/token</c> (development sign-in with a role), both only where the development sign-in is offered
/// (<see cref="DevSignIn"/>); the portal's files themselves are served by <see cref="PortalFiles"/>.
/// </summary>
internal static class PortalEndpoints
{
    public const string ConfigPath = "/config.json";
    public const string TokenPath = "/dev/token";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section);
        return services;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        if (DevSignIn.IsOffered(app.Services))
        {
            app.MapGet(ConfigPath, () => TypedResults.Ok(PortalConfig.Dev)).AllowAnonymous().ExcludeFromDescription();
            app.MapPost(TokenPath, IssueToken).AllowAnonymous().ExcludeFromDescription();
        }

        app.UsePortalFiles();
        return app;
    }

    private static Results<Ok<DevTokenResponse>, ProblemHttpResult> IssueToken(
        DevTokenRequest? request, IOptions<AuthOptions> auth, TimeProvider clock)
    {
        var role = request?.Role;
        if (string.IsNullOrWhiteSpace(role) || !Roles.All.Contains(role))
        {
            return Problems.From(new DomainError("unknown_role", $"Pick a role: {string.Join(", ", Roles.All)}.", "$.role"));
        }

        var subject = "dev-" + role;
        var token = DevTokens.Create(auth.Value, subject, [role], [], clock, Lifetime);
        return TypedResults.Ok(new DevTokenResponse(token, subject, role, clock.GetUtcNow() + Lifetime));
    }
}
