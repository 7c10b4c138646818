using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// What the local host adds for the admin portal: <c>/config.json</c> and the development sign-in
/// (<c>POST /dev/token</c>), offered only on the embedded adapters with a local key; the portal's files and the
/// fallback of client routes to <c>index.html</c>, which never shadows an API route.
/// </summary>
public sealed class PortalEndpointTests : IDisposable
{
    private readonly string _portal = LocalHostFactory.NewTempDirectory();
    private readonly LocalHostFactory _factory;

    public PortalEndpointTests()
    {
        Directory.CreateDirectory(Path.Combine(_portal, "assets"));
        File.WriteAllText(Path.Combine(_portal, "index.html"), "<!doctype html><title>portal</title>");
        File.WriteAllText(Path.Combine(_portal, "assets", "app-1234.js"), "console.log(1)");
        _factory = new LocalHostFactory(demo: false, settings: new Dictionary<string, string> { ["Portal:Root"] = _portal });
    }

    public void Dispose()
    {
        _factory.Dispose();
        LocalHostFactory.DeleteDirectory(_portal);
    }

    [Fact]
    public async Task Config_WhenDevSignInIsOffered_AnswersDevMode()
    {
        using var client = _factory.ClientWith(null);

        var body = await client.GetStringAsync(new Uri("/config.json", UriKind.Relative));

        Assert.Equal("""{"apiBaseUrl":"","auth":{"mode":"dev"}}""", body);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.Created)]
    [InlineData("marketer", HttpStatusCode.Created)]
    [InlineData("analyst", HttpStatusCode.Forbidden)]
    [InlineData("support", HttpStatusCode.Forbidden)]
    public async Task DevToken_WhenRolePicked_IssuesATokenTheApiJudgesByThatRole(string role, HttpStatusCode create)
    {
        using var anonymous = _factory.ClientWith(null);

        using var answer = await anonymous.PostAsJsonAsync(new Uri("/dev/token", UriKind.Relative), new { role });
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        using var client = _factory.ClientWith(body.GetProperty("token").GetString());
        using var list = await client.GetAsync(new Uri("/admin/campaigns", UriKind.Relative));
        using var created = await client.PostAsJsonAsync(new Uri("/admin/campaigns", UriKind.Relative), new { name = "From the portal" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(role, body.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(create, created.StatusCode);
    }

    [Theory]
    [InlineData("""{"role":"root"}""")]
    [InlineData("""{"role":null}""")]
    public async Task DevToken_WhenRoleIsNotARole_Answers400AtRole(string json)
    {
        using var client = _factory.ClientWith(null);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var answer = await client.PostAsync(new Uri("/dev/token", UriKind.Relative), content);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("unknown_role", problem.GetProperty("code").GetString());
        Assert.Equal("$.role", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task DevToken_WhenCognitoSignsIn_IsAbsent()
    {
        using var cognito = new LocalHostFactory(demo: false, signingKey: false, settings: new Dictionary<string, string>
        {
            ["Portal:Root"] = _portal,
            ["Auth:Cognito:UserPoolId"] = "eu-west-1_Portal",
            ["Auth:Cognito:Region"] = "eu-west-1",
            ["Auth:Cognito:ClientIds"] = "portal",
        });
        using var client = cognito.ClientWith(null);

        using var token = await client.PostAsJsonAsync(new Uri("/dev/token", UriKind.Relative), new { role = Roles.Admin });
        using var config = await client.GetAsync(new Uri("/config.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, config.StatusCode);
        Assert.False(File.Exists(Path.Combine(cognito.DataDirectory, "dev-signing-key")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/campaigns")]
    [InlineData("/promotions/prm_1")]
    public async Task ClientRoute_WhenABrowserAsksForHtml_ServesIndexHtml(string path)
    {
        using var client = _factory.ClientWith(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        using var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>portal</title>", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/nothing-here")]
    [InlineData("/analytics/nothing-here")]
    [InlineData("/redemptions/nothing/here/either")]
    public async Task ApiRoute_WhenUnknownEvenForHtml_StaysA404Problem(string path)
    {
        using var client = _factory.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        using var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.DoesNotContain("<title>portal</title>", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiRoute_WhenKnown_AnswersJsonNotTheApp()
    {
        using var client = _factory.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/campaigns", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        using var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bundle_WhenRequested_IsServedAsImmutable()
    {
        using var client = _factory.ClientWith(null);

        using var answer = await client.GetAsync(new Uri("/assets/app-1234.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("immutable", answer.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_WhenNotBuilt_LeavesTheHostServingTheApiOnly()
    {
        using var bare = new LocalHostFactory(demo: false, settings: new Dictionary<string, string> { ["Portal:Root"] = Path.Combine(_portal, "missing") });
        using var client = bare.ClientWith(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/campaigns", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        using var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}
