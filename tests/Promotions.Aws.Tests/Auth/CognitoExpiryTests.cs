using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Promotions.Aws.Tests.Auth;

/// <summary>A real Cognito token stops working when it expires, on the services' clock (30 s of skew allowed).</summary>
public sealed class CognitoExpiryTests(CognitoExpiryTests.ClockedHost host) : IClassFixture<CognitoExpiryTests.ClockedHost>
{
    [Fact]
    public async Task IdAndAccessTokens_AfterTheirExpiry_Are401TokenExpired()
    {
        var (id, access) = await host.Pool.SignInAsync("admin-user");
        Assert.Same(host.Moving, host.Services.GetRequiredService<TimeProvider>());
        var jwt = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        Assert.NotNull(jwt.TokenValidationParameters.LifetimeValidator);
        foreach (var token in new[] { id, access })
        {
            using var fresh = await host.With(token).GetAsync(new Uri("/admin/campaigns", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        // The services allow 30 s of clock skew past the expiry, and not a second more.
        var expiry = new DateTimeOffset(new[] { id, access }.Max(t => new JsonWebToken(t).ValidTo), TimeSpan.Zero);
        host.Moving.SetUtcNow(expiry.AddSeconds(25));
        foreach (var token in new[] { id, access })
        {
            using var withinSkew = await host.With(token).GetAsync(new Uri("/admin/campaigns", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, withinSkew.StatusCode);
        }

        host.Moving.SetUtcNow(expiry.AddSeconds(31));

        foreach (var token in new[] { id, access })
        {
            using var stale = await host.With(token).GetAsync(new Uri("/admin/campaigns", UriKind.Relative));
            var body = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
            Assert.Equal("token_expired", body.GetProperty("errors")[0].GetProperty("code").GetString());
        }
    }

    /// <summary>The Cognito host on a clock the test moves.</summary>
    public sealed class ClockedHost : CognitoHost
    {
        public FakeTimeProvider Moving { get; } = new(TimeProvider.System.GetUtcNow());

        protected override TimeProvider Clock => Moving;
    }
}
