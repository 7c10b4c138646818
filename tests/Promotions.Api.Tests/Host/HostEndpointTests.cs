using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Events.Lambda;

namespace Promotions.Api.Tests.Host;

/// <summary>The host's own endpoints: liveness, readiness, the OpenAPI document, the API reference and /ping.</summary>
public sealed class HostEndpointTests : IClassFixture<HostEndpointTests.Fixture>
{
    private readonly LocalHostFactory _factory;

    public HostEndpointTests(Fixture fixture) => _factory = fixture.Factory;

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_WithoutToken_ReportsHealthy(string path)
    {
        using var client = _factory.ClientWith(null);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ping_WithoutToken_ReturnsPongTrue()
    {
        using var client = _factory.ClientWith(null);

        using var response = await client.GetAsync(new Uri("/ping", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"pong":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PortalConfig_WithoutToken_NamesThisOriginAndDevSignIn()
    {
        using var client = _factory.ClientWith(null);

        using var response = await client.GetAsync(new Uri("/config.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"apiBaseUrl":"","auth":{"mode":"dev"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void EveryEventsPath_IsAPassThrough_SoItFailsWithTheStatusTheFunctionsFailOn()
    {
        var events = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/events/", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(["/events/admin", "/events/analytics"], events.Select(e => e.RoutePattern.RawText).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.True(PassThrough.IsPassThrough(e), e.RoutePattern.RawText));
    }

    [Fact]
    public async Task OpenApi_ListsEveryRoutedPath_AndDeclaresTheBearerScheme()
    {
        using var client = _factory.ClientWith(null);

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        // Pass-through paths (/events/*) are called by the functions' own event sources, never by an API client.
        var expected = ApiEndpoint.All(_factory.Services)
            .Where(e => !e.IsInfrastructure && !e.Pattern.StartsWith("/events/", StringComparison.Ordinal)).Select(e => e.Pattern).Distinct();
        Assert.All(expected, pattern => Assert.Contains(pattern, paths));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var campaignsList = document.RootElement.GetProperty("paths").GetProperty("/admin/campaigns").GetProperty("get");
        Assert.True(campaignsList.TryGetProperty("security", out _), "Protected operations name the bearer scheme.");
    }

    [Fact]
    public async Task Scalar_WithoutToken_ServesTheApiReference()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/scalar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Promotions API</title>", html, StringComparison.Ordinal);
        Assert.Contains("openapi", html, StringComparison.OrdinalIgnoreCase);
    }

    public sealed class Fixture : IDisposable
    {
        public LocalHostFactory Factory { get; } = new(demo: false);

        public void Dispose() => Factory.Dispose();
    }
}
