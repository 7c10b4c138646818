using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Promotions.Aws.Events;
using Promotions.Aws.Events.Lambda;
using Promotions.ServiceDefaults;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Api;

/// <summary>
/// The status a pass-through path fails with: the one status template.yaml lists in <c>AWS_LWA_ERROR_STATUS_CODES</c>,
/// which the Lambda Web Adapter also applies to HTTP requests, so no HTTP route may answer it and every pass-through
/// failure must.
/// </summary>
public sealed class PassThroughStatusTests
{
    [Fact]
    public async Task AnErrorOnAPassThroughPath_AnswersTheFailureStatus_WhileOnAnHttpRouteItStays500()
    {
        await using var app = Build();
        app.MapPost("/events/test", Fail).AsPassThrough().AllowAnonymous();
        app.MapPost("/admin/test", Fail).AllowAnonymous();
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var passThrough = await client.PostAsync(new Uri("/events/test", UriKind.Relative), null);
        using var http = await client.PostAsync(new Uri("/admin/test", UriKind.Relative), null);

        Assert.Equal(PassThrough.FailureStatus, (int)passThrough.StatusCode);
        Assert.Contains("\"internal_error\"", await passThrough.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(500, (int)http.StatusCode);
    }

    [Fact]
    public async Task TheRelayPath_IsAPassThrough()
    {
        await using var app = Build();
        app.MapOutboxRelay("/events/redemption");
        await app.StartAsync();

        var endpoint = Assert.Single(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText == "/events/redemption");
        Assert.True(PassThrough.IsPassThrough(endpoint));
    }

    [Fact]
    public void TheFailureStatus_IsNoStatusHttpAssigns()
    {
        // 5xx statuses registered with IANA end at 511; the adapter reads any number from 100 to 999.
        Assert.InRange(PassThrough.FailureStatus, 512, 599);
    }

    private static IResult Fail() => throw new InvalidOperationException("a bug");

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:SigningKey"] = DevTokens.NewSigningKey();
        builder.Services.AddPromotionsDefaults();
        var app = builder.Build();
        app.UsePromotionsDefaults();
        return app;
    }
}
