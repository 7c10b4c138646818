using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Redemption;

/// <summary>
/// The Redemption service in the embedded mode: its background work runs in-process (the sweeper, and the
/// embedded dispatcher that relays events), and the AWS relay's pass-through path does not exist.
/// </summary>
public sealed class RedemptionCompositionTests(RedemptionApiFixture host) : IClassFixture<RedemptionApiFixture>
{
    [Fact]
    public void Embedded_RunsTheSweeperAndTheDispatcherInProcess()
    {
        var background = host.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).ToList();

        Assert.Contains("ReservationSweeper", background);
        Assert.Contains("EventDispatcher", background);
    }

    [Fact]
    public async Task Embedded_HasNoRelayPassThroughPath()
    {
        var client = host.CreateClient();
        var key = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevTokens.Create(key, "admin", [Roles.Admin], [], TimeProvider.System));

        using var response = await client.PostAsJsonAsync(Promotions.Redemption.RedemptionApiExtensions.PassThroughPath, new { Records = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
