using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Every endpoint of the composed host against every kind of caller: anonymous, authenticated without
/// grants, expired, signed by another key, and each single role and scope, with expectations from the
/// documented grant table. Route values are dummies: only 401 and 403 matter here.
/// </summary>
public sealed class AuthMatrixTests : IClassFixture<AuthMatrixTests.Fixture>
{
    private readonly Fixture _host;

    public AuthMatrixTests(Fixture host) => _host = host;

    [Fact]
    public void Endpoints_CoverEveryServicePrefix()
    {
        var patterns = _host.Endpoints.Select(e => e.Pattern).ToArray();

        Assert.Contains(patterns, p => p.StartsWith("/admin/", StringComparison.Ordinal));
        Assert.Contains(patterns, p => p.StartsWith("/offers", StringComparison.Ordinal));
        Assert.Contains(patterns, p => p.StartsWith("/validate", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryEndpoint_ExceptInfrastructure_NamesExactlyOneDocumentedPolicy()
    {
        var failures = _host.Endpoints.Where(e => !e.IsInfrastructure && !e.IsSignedUrl)
            .Where(e => e.AllowsAnonymous || e.Policies.Count != 1 || !Grants.ByPolicy.ContainsKey(e.Policies[0]))
            .Select(e => $"{e}: anonymous={e.AllowsAnonymous}, policies=[{string.Join(", ", e.Policies)}]")
            .ToArray();

        Assert.True(failures.Length == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EveryEndpoint_WithoutToken_Returns401()
    {
        await AssertEveryEndpoint(null, _ => HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EveryEndpoint_WithTokenWithoutGrants_Returns403()
    {
        await AssertEveryEndpoint(_host.Factory.Token([]), _ => HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EveryEndpoint_WithExpiredToken_Returns401()
    {
        var issuedTwoDaysAgo = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(-2));
        var expired = DevTokens.Create(_host.Factory.Auth, "tester", [Roles.Admin], Scopes.All, issuedTwoDaysAgo, TimeSpan.FromHours(1));

        await AssertEveryEndpoint(expired, _ => HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EveryEndpoint_WithTokenSignedByAnotherKey_Returns401()
    {
        var forger = new AuthOptions { SigningKey = DevTokens.NewSigningKey() };
        var forged = DevTokens.Create(forger, "mallory", [Roles.Admin], Scopes.All, TimeProvider.System);

        await AssertEveryEndpoint(forged, _ => HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EveryEndpoint_ForEachRoleAndScope_Returns403ExactlyWhenThePolicyDoesNotGrantIt()
    {
        var failures = new List<string>();
        foreach (var caller in Grants.SingleGrantCallers)
        {
            using var client = _host.Factory.ClientWith(_host.Factory.Token(caller.Roles, caller.Scopes));
            foreach (var endpoint in _host.Protected)
            {
                var policy = endpoint.Policies.Count == 1 ? endpoint.Policies[0] : "(no single policy)";
                var allowed = Grants.Allows(policy, caller);
                var status = await Send(client, endpoint);
                var refused = status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;
                if (allowed == refused)
                {
                    failures.Add($"{caller.Name} → {endpoint} [{policy}]: {(int)status}, expected {(allowed ? "allowed" : "403")}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task SignedUrlEndpoints_AreOnlyTheLocalAssetTransfers_AndRefuseAnyCallerWithoutASignature()
    {
        Assert.Equal(["GET /admin/assets/{id}/download", "PUT /admin/assets/{id}/upload"], _host.SignedUrl.Select(e => e.ToString()).Order(StringComparer.Ordinal));
        Assert.All(_host.SignedUrl, e => Assert.Empty(e.Policies));

        foreach (var token in new[] { null, _host.Factory.Token([Roles.Admin], Scopes.All) })
        {
            using var client = _host.Factory.ClientWith(token);
            foreach (var endpoint in _host.SignedUrl)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url("ast_01JD3W5Q7X9G8K2M4N6P8R0T2V"));
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{endpoint}: {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task PassThroughEndpoints_OffLambda_TakeNoProofFromTheAdaptersHeader()
    {
        var passThrough = _host.Protected.Where(e => e.Policies.SequenceEqual([Policies.EventsIngest])).ToList();
        using var anonymous = _host.Factory.ClientWith(null);

        Assert.NotEmpty(passThrough);
        foreach (var endpoint in passThrough)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url()) { Content = new StringContent("""{"Records":[]}""", Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation(EventsIngestRequirement.RequestContextHeader, "null");
            using var response = await anonymous.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task ChannelBoundClient_OnOffersAndValidate_Gets403ChannelNotAllowedExactlyOutsideItsChannels()
    {
        var failures = new List<string>();
        foreach (var bound in new[] { "web", "in_store" })
        {
            var token = DevTokens.Create(_host.Factory.Auth, "store-7", [], [Scopes.OffersRead, Scopes.Validate], TimeProvider.System,
                channels: [bound], partnerId: "p1");
            using var client = _host.Factory.ClientWith(token);
            foreach (var channel in Domain.Customers.Channels.All)
            {
                foreach (var (name, request, path) in ChannelRequests(channel))
                {
                    using var sent = request;
                    using var response = await client.SendAsync(sent);
                    var body = await response.Content.ReadAsStringAsync();
                    var expected = channel == bound ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                    if (response.StatusCode != expected
                        || (expected == HttpStatusCode.Forbidden && !(body.Contains("\"code\":\"channel_not_allowed\"", StringComparison.Ordinal)
                            && body.Contains($"\"path\":\"{path}\"", StringComparison.Ordinal))))
                    {
                        failures.Add($"bound to {bound}, {name} on {channel}: {(int)response.StatusCode} {body}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task StaffAndUnboundClients_OnOffersAndValidate_ReachEveryChannel()
    {
        var callers = new[]
        {
            _host.Factory.Token([Roles.Admin]),
            _host.Factory.Token([Roles.Support]),
            _host.Factory.Token([], [Scopes.OffersRead, Scopes.Validate]),
        };
        var failures = new List<string>();
        foreach (var token in callers)
        {
            using var client = _host.Factory.ClientWith(token);
            foreach (var channel in Domain.Customers.Channels.All)
            {
                foreach (var (name, request, _) in ChannelRequests(channel))
                {
                    using var sent = request;
                    using var response = await client.SendAsync(sent);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{name} on {channel}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task ClientBoundToNoChannel_GetsNoOffersAndNoQuotes()
    {
        var token = DevTokens.Create(_host.Factory.Auth, "suspended", [], [Scopes.OffersRead, Scopes.Validate], TimeProvider.System, channels: []);
        using var client = _host.Factory.ClientWith(token);

        foreach (var (name, request, _) in ChannelRequests("web"))
        {
            using var sent = request;
            using var response = await client.SendAsync(sent);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{name}: {(int)response.StatusCode}");
        }
    }

    // The three requests that name a channel: offers with a body, offers by query, and a quote.
    private static IEnumerable<(string Name, HttpRequestMessage Request, string Path)> ChannelRequests(string channel)
    {
        const string cart = "\"cart\":{\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"sku\":\"A\",\"quantity\":1,\"unitPrice\":10}]}";
        yield return ("POST /offers", Post("/offers", $"{{\"channel\":\"{channel}\"}}"), "$.channel");
        yield return ("GET /offers", new HttpRequestMessage(HttpMethod.Get, $"/offers?channel={channel}"), "channel");
        yield return ("POST /validate", Post("/validate", $"{{\"channel\":\"{channel}\",{cart}}}"), "$.channel");
    }

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private async Task AssertEveryEndpoint(string? token, Func<ApiEndpoint, HttpStatusCode> expected)
    {
        using var client = _host.Factory.ClientWith(token);
        var failures = new List<string>();
        foreach (var endpoint in _host.Protected)
        {
            var status = await Send(client, endpoint);
            if (status != expected(endpoint))
            {
                failures.Add($"{endpoint}: {(int)status}, expected {(int)expected(endpoint)}");
            }
        }

        Assert.NotEmpty(_host.Protected);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static async Task<HttpStatusCode> Send(HttpClient client, ApiEndpoint endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url());
        if (endpoint.HasBody)
        {
            request.Content = new StringContent("{}", Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(endpoint.RequestContentType);
        }

        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>One host for the matrix; its endpoints read once it has started.</summary>
    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Factory = new LocalHostFactory(demo: false);
            _ = Factory.Server;
            Endpoints = ApiEndpoint.All(Factory.Services);
            Protected = [.. Endpoints.Where(e => !e.IsInfrastructure && !e.IsSignedUrl)];
            SignedUrl = [.. Endpoints.Where(e => e.IsSignedUrl)];
        }

        public LocalHostFactory Factory { get; }

        public IReadOnlyList<ApiEndpoint> Endpoints { get; }

        public IReadOnlyList<ApiEndpoint> Protected { get; }

        /// <summary>The endpoints a presigned URL authorizes instead of a token.</summary>
        public IReadOnlyList<ApiEndpoint> SignedUrl { get; }

        public void Dispose() => Factory.Dispose();
    }
}
