using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Promotions.Aws.Tests.Auth;

/// <summary>
/// The services on Cognito tokens, end to end: real RS256 ID and access tokens from a password sign-in on the
/// emulator's pool (and machine tokens as the pool would issue them) against the running host, which fetches
/// the pool's keys from the emulator. Groups grant roles, resource-server scopes grant scopes, and every way a
/// token can be wrong is a 401 that says which.
/// </summary>
public sealed class CognitoAuthTests(CognitoHost host) : IClassFixture<CognitoHost>
{
    // One endpoint per policy, with a body its handler refuses: a 400 or 404 means the caller got past authorization.
    private static readonly (string Policy, HttpMethod Method, string Path)[] Probes =
    [
        ("catalog.read", HttpMethod.Get, "/admin/campaigns"),
        ("catalog.write", HttpMethod.Post, "/admin/campaign-types"),
        ("offers", HttpMethod.Post, "/offers"),
        ("validate", HttpMethod.Post, "/validate"),
        ("redeem", HttpMethod.Post, "/redemptions"),
        ("analytics.read", HttpMethod.Get, "/analytics/campaigns/cmp_missing"),
    ];

    // Who may do what, from docs/security.md.
    private static readonly Dictionary<string, string[]> GrantedTo = new()
    {
        ["catalog.read"] = ["admin", "marketer", "analyst", "support"],
        ["catalog.write"] = ["admin", "marketer"],
        ["offers"] = ["admin", "marketer", "analyst", "support", "offers:read"],
        ["validate"] = ["admin", "marketer", "support", "validate"],
        ["redeem"] = ["admin", "support", "redeem"],
        ["analytics.read"] = ["admin", "marketer", "analyst"],
    };

    [Theory]
    [InlineData("admin")]
    [InlineData("marketer")]
    [InlineData("analyst")]
    [InlineData("support")]
    [InlineData("janitor")]
    [InlineData("no-groups")]
    public async Task IdAndAccessTokens_OfAGroupsMember_GrantExactlyThatGroupsPolicies(string group)
    {
        var user = group == "no-groups" ? group : group + "-user";
        var (id, access) = await host.Pool.SignInAsync(user);
        var failures = new List<string>();

        foreach (var (kind, token) in new[] { ("id", id), ("access", access) })
        {
            using var client = host.With(token);
            foreach (var (policy, method, path) in Probes)
            {
                var status = await SendAsync(client, method, path);
                var expected = GrantedTo[policy].Contains(group) ? "granted" : "403";
                if ((status == HttpStatusCode.Forbidden ? "403" : status == HttpStatusCode.Unauthorized ? "401" : "granted") != expected)
                {
                    failures.Add($"{kind} token of {group} → {method} {path} [{policy}]: {(int)status}, expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("promotions/redeem", "redeem")]
    [InlineData("promotions/validate promotions/redeem", "validate redeem")]
    [InlineData("promotions/offers:read", "offers:read")]
    [InlineData("redeem validate offers:read", "")]
    [InlineData("elsewhere/redeem promotions/refund", "")]
    [InlineData("aws.cognito.signin.user.admin", "")]
    public async Task MachineToken_GrantsOnlyTheResourceServersProductScopes(string scope, string granted)
    {
        using var client = host.With(host.Pool.MachineToken(scope));
        var failures = new List<string>();

        foreach (var (policy, method, path) in Probes)
        {
            var status = await SendAsync(client, method, path);
            var expected = granted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(GrantedTo[policy].Contains);
            if (expected != (status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)))
            {
                failures.Add($"scope '{scope}' → {method} {path} [{policy}]: {(int)status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task MachineToken_WithTheTriggersChannelClaims_GetsOffersAndQuotesOnlyOnThoseChannels()
    {
        // What a V3_0 pre-token-generation trigger adds for a partner's client: an array of channels and a partner id.
        var added = new Dictionary<string, object> { ["channels"] = new[] { "in_store" }, ["partner_id"] = "p1" };
        using var client = host.With(host.Pool.MachineToken("promotions/offers:read promotions/validate", added: added));

        using var own = await client.GetAsync(new Uri("/offers?channel=in_store", UriKind.Relative));
        using var other = await client.GetAsync(new Uri("/offers?channel=web", UriKind.Relative));
        using var quote = await client.PostAsJsonAsync("/validate", new
        {
            channel = "web",
            cart = new { currency = "EUR", lines = new[] { new { lineId = "1", sku = "A", quantity = 1, unitPrice = 10 } } },
        });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("channel_not_allowed", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, quote.StatusCode);
    }

    [Fact]
    public async Task Forbidden_SaysWhichRolesAndScopesTheEndpointNeeds()
    {
        var (id, _) = await host.Pool.SignInAsync("analyst-user");
        using var client = host.With(id);

        using var response = await client.PostAsJsonAsync("/admin/campaign-types", new { });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("missing_grant", error.GetProperty("code").GetString());
        Assert.Contains("admin, marketer", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_OfAnAppClientTheServiceDoesNotAccept_Are401()
    {
        var (id, access) = await host.Pool.SignInAsync("admin-user", host.Pool.OtherClient);

        Assert.Equal("token_wrong_audience", await RefusalAsync(id));
        Assert.Equal("token_wrong_client", await RefusalAsync(access));
        Assert.Equal("token_wrong_client", await RefusalAsync(host.Pool.MachineToken("promotions/redeem", clientId: host.Pool.OtherClient)));
    }

    [Fact]
    public async Task Tokens_OfAnotherUserPool_Are401EvenThoughTheEmulatorSignsThemWithTheSameKey()
    {
        var (id, access) = await host.Pool.SignInElsewhereAsync();

        Assert.Equal("token_wrong_issuer", await RefusalAsync(id));
        Assert.Equal("token_wrong_issuer", await RefusalAsync(access));
    }

    [Theory]
    [InlineData("refresh")]
    [InlineData("")]
    public async Task Tokens_WithAnotherTokenUse_Are401(string tokenUse)
    {
        Assert.Equal("token_wrong_use", await RefusalAsync(host.Pool.MachineToken("promotions/redeem", tokenUse: tokenUse)));
    }

    [Fact]
    public async Task Tokens_SignedOtherwise_Are401()
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = host.Pool.MachineClient, ["client_id"] = host.Pool.MachineClient, ["token_use"] = "access", ["scope"] = "promotions/redeem",
        };
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        string Sign(SecurityKey key, string algorithm) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = host.Pool.Issuer, Expires = now.AddHours(1), Claims = claims, SigningCredentials = new SigningCredentials(key, algorithm),
        });

        var hmac = Sign(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256);
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var stranger = Sign(new RsaSecurityKey(rsa) { KeyId = "dummy" }, SecurityAlgorithms.RsaSha256);

        Assert.Contains(await RefusalAsync(hmac), new[] { "token_wrong_algorithm", "token_bad_signature" });
        Assert.Equal("token_bad_signature", await RefusalAsync(stranger));
        Assert.Equal("token_invalid", await RefusalAsync("not.a.jwt"));
    }

    [Fact]
    public async Task NoToken_Is401_WithABearerChallenge()
    {
        using var client = host.With(null);

        using var response = await client.GetAsync(new Uri("/admin/campaigns", UriKind.Relative));

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("token_missing", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The reason code of the 401 a token gets on a catalog read.</summary>
    private async Task<string> RefusalAsync(string token)
    {
        using var client = host.With(token);
        using var response = await client.GetAsync(new Uri("/admin/campaigns", UriKind.Relative));
        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        Assert.StartsWith("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        return problem.GetProperty("errors")[0].GetProperty("code").GetString()!;
    }
}
