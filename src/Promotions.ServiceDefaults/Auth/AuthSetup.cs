using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>JWT bearer authentication and the product's policies, registered once for every service.</summary>
public static class AuthSetup
{
    /// <summary>Claim types that carry roles: <c>roles</c> (local tokens) and <c>cognito:groups</c> (Cognito).</summary>
    public static readonly string[] RoleClaimTypes = ["roles", "cognito:groups"];

    public static IServiceCollection AddPromotionsAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrEmpty(o.Authority) || DecodeKey(o.SigningKey) is { Length: >= 32 },
                "Auth:SigningKey must be base64 of at least 32 bytes when Auth:Authority is not set.")
            .ValidateOnStart();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CatalogRead, p => p.RequireAssertion(c => HasRole(c.User, Roles.All)))
            .AddPolicy(Policies.CatalogWrite, p => p.RequireAssertion(c => HasRole(c.User, [Roles.Admin, Roles.Marketer])))
            .AddPolicy(Policies.Offers, p => p.RequireAssertion(c =>
                HasScope(c.User, Scopes.OffersRead) || HasRole(c.User, Roles.All)))
            .AddPolicy(Policies.Validate, p => p.RequireAssertion(c =>
                HasScope(c.User, Scopes.Validate) || HasRole(c.User, [Roles.Admin, Roles.Marketer, Roles.Support])))
            .AddPolicy(Policies.Redeem, p => p.RequireAssertion(c =>
                HasScope(c.User, Scopes.Redeem) || HasRole(c.User, [Roles.Admin, Roles.Support])))
            .AddPolicy(Policies.AnalyticsRead, p => p.RequireAssertion(c =>
                HasRole(c.User, [Roles.Admin, Roles.Marketer, Roles.Analyst])))
            .AddPolicy(Policies.EventsIngest, p => p.RequireAssertion(c => HasRole(c.User, [Roles.Admin])));
        return services;
    }

    public static bool HasRole(ClaimsPrincipal user, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Claims.Any(c => RoleClaimTypes.Contains(c.Type) && roles.Contains(c.Value));
    }

    public static bool HasScope(ClaimsPrincipal user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll("scope").Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope));
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

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        // Keep claim names as issued ("roles", "scope", "cognito:groups") instead of the legacy SOAP URIs.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "sub",
        };
        if (!string.IsNullOrEmpty(auth.Authority))
        {
            jwt.Authority = auth.Authority;
            jwt.RequireHttpsMetadata = !auth.AllowHttpAuthority;
        }
        else
        {
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(DecodeKey(auth.SigningKey));
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
    }
}
