using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>Decides <see cref="EventsIngestRequirement"/> once per process for where it runs.</summary>
internal sealed class EventsIngestHandler(IConfiguration configuration) : AuthorizationHandler<EventsIngestRequirement>
{
    private readonly bool _lambda = EventsIngestRequirement.TrustsLambdaPassThrough(configuration);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, EventsIngestRequirement requirement)
    {
        if (!_lambda)
        {
            if (CallerClaims.HasRole(context.User, [Roles.Admin]))
            {
                context.Succeed(requirement);
            }
        }
        else if (context.Resource is HttpContext http && EventsIngestRequirement.IsPassThrough(http.Request))
        {
            context.Succeed(requirement);
        }

        // Anything else is refused: a 403 in Lambda whatever the token (AuthProblems), the usual 401/403 locally.
        return Task.CompletedTask;
    }
}
