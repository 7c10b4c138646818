using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>JWT bearer authentication and the product's policies, registered once for every service.</summary>
public static class AuthSetup
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddPromotionsAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.UsesCognito || DecodeKey(o.SigningKey) is { Length: >= 32 },
                "Auth:SigningKey must be base64 of at least 32 bytes when Auth:Cognito:UserPoolId is not set.")
            .Validate(o => !o.UsesCognito || o.Cognito.Problem() is null, "Auth:Cognito is not usable; see the settings in docs/security.md.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((jwt, auth, clock) => Configure(jwt, auth.Value, clock));

        var policies = services.AddAuthorizationBuilder();
        foreach (var (policy, grant) in PolicyGrants.ByPolicy)
        {
            policies.AddPolicy(policy, p => p.RequireAssertion(c =>
                CallerClaims.HasRole(c.User, grant.Roles) || CallerClaims.HasScope(c.User, grant.Scopes)));
        }

        policies.AddPolicy(Policies.EventsIngest, p => p.AddRequirements(new EventsIngestRequirement()));
        services.AddSingleton<IAuthorizationHandler, EventsIngestHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthProblems>();
        return services;
    }

    internal static byte[]? DecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth, TimeProvider clock)
    {
        // Keep claim names as issued ("roles", "scope", "cognito:groups") instead of the legacy SOAP URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            NameClaimType = CallerClaims.Subject,
            LifetimeValidator = (notBefore, expires, _, _) => ValidateLifetime(notBefore, expires, clock),
        };
        jwt.Events = new JwtBearerEvents { OnChallenge = AuthProblems.ChallengeAsync };

        if (auth.UsesCognito)
        {
            var cognito = auth.Cognito;
            var jwks = new Uri(cognito.EffectiveJwksUrl);
            jwt.TokenValidationParameters.ValidIssuer = cognito.EffectiveIssuer;
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];

            // Cognito access tokens carry no "aud"; the app client is checked per token use by CognitoTokens.
            jwt.TokenValidationParameters.ValidateAudience = false;
            jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                jwks.AbsoluteUri,
                new JwksRetriever(cognito.EffectiveIssuer),
                new HttpDocumentRetriever(new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
                {
                    RequireHttps = !CognitoOptions.IsLoopback(jwks),
                });
            jwt.Events.OnTokenValidated = context =>
            {
                try
                {
                    context.Principal = CognitoTokens.ToCaller(context.Principal!, cognito);
                }
                catch (TokenRefusedException refused)
                {
                    context.Fail(refused);
                }

                return Task.CompletedTask;
            };
        }
        else
        {
            jwt.TokenValidationParameters.ValidIssuer = auth.Issuer;
            jwt.TokenValidationParameters.ValidAudience = auth.Audience;
            jwt.TokenValidationParameters.ValidateAudience = true;
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(DecodeKey(auth.SigningKey));
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            jwt.Events.OnTokenValidated = context =>
            {
                context.Principal = CallerClaims.FromLocal(context.Principal!);
                return Task.CompletedTask;
            };
        }
    }

    // The lifetime is checked against the injected clock, like every other time decision of the product.
    private static bool ValidateLifetime(DateTime? notBefore, DateTime? expires, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is not { } end)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (notBefore is { } start && start > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        }

        if (end < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = end };
        }

        return true;
    }
}
