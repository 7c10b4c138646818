using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Promotions.Api.Tests.Offers;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Each service run alone (as on AWS, one function each) serves its own OpenAPI document: the same title, a
/// description naming that service alone, its own paths only, and every operation as complete as the local host's.
/// </summary>
public sealed class ServiceOpenApiDocumentTests
{
    private static readonly Dictionary<string, string> Lines = new(StringComparer.Ordinal)
    {
        ["/admin/"] = "Admin API (`/admin`)",
        ["/offers"] = "Promotion API (`/offers`)",
        ["/validate"] = "Validation (`/validate`)",
        ["/redemptions"] = "Redemption (`/redemptions`)",
        ["/analytics/"] = "Analytics (`/analytics`)",
    };

    [Theory]
    [InlineData("/admin/")]
    [InlineData("/offers")]
    [InlineData("/validate")]
    [InlineData("/redemptions")]
    [InlineData("/analytics/")]
    public async Task Document_OfAServiceAlone_CoversItAloneAndCompletely(string prefix)
    {
        var (host, client) = Start(prefix);
        using (host)
        using (client)
        {
            var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
            var operations = DocumentedOperation.All(document);

            Assert.Equal("Promotions API", document.GetProperty("info").GetProperty("title").GetString());
            var description = document.GetProperty("info").GetProperty("description").GetString()!;
            Assert.All(Lines, line => Assert.Equal(line.Key == prefix, description.Contains(line.Value, StringComparison.Ordinal)));
            Assert.NotEmpty(operations);
            Assert.All(operations, o => Assert.StartsWith(prefix, o.Path, StringComparison.Ordinal));
            Assert.All(operations.Where(o => o.Id is not ("ReceiveAssetUpload" or "ServeAssetDownload")),
                o => Assert.True(o.Response("401") is not null && o.Response("403") is not null, $"{o} does not declare 401 and 403."));
            OpenApiRules.AssertSuccesses(operations);
            OpenApiRules.AssertInputRefusals(operations);
            OpenApiRules.AssertProblems(document, operations);
        }
    }

    private static (IDisposable Host, HttpClient Client) Start(string prefix) => prefix switch
    {
        "/admin/" => Started(new ServiceHost<Promotions.AdminApi.Program>()),
        "/offers" => Started(new ServiceHost<Promotions.PromotionApi.Program>()),
        "/validate" => Started(new ServiceHost<Promotions.Validation.Program>()),
        "/redemptions" => Started(new ServiceHost<Promotions.Redemption.Program>()),
        _ => Started(new ServiceHost<Promotions.Analytics.Program>()),
    };

    private static (IDisposable, HttpClient) Started<TProgram>(WebApplicationFactory<TProgram> host)
        where TProgram : class => (host, host.CreateClient());
}
