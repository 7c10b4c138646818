using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Promotions.ServiceDefaults.Http;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// The local host's OpenAPI document is complete enough to generate a typed client from: every operation states its
/// statuses, headers, content types and error bodies; the headers it declares are the ones the server checks (proved
/// by requests); and the copy the admin portal generates from is what the host serves.
/// </summary>
public sealed class OpenApiDocumentTests : IClassFixture<OpenApiDocumentTests.Fixture>
{
    private const string ProblemJson = OpenApiRules.ProblemJson;
    private const string DemoCustomer = "cus_00000000000000000000000001";

    // A body for each operation that takes an Idempotency-Key: valid enough to reach the key (an unknown id is fine).
    private static readonly Dictionary<string, object> KeyedBodies = new(StringComparer.Ordinal)
    {
        ["Redeem"] = Order("openapi-redeem"),
        ["Reserve"] = Order("openapi-reserve"),
        ["ReverseRedemption"] = new { },
    };

    private readonly Fixture _fixture;

    public OpenApiDocumentTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Document_HasTheTitleAndADescriptionNamingEveryService()
    {
        var info = (await _fixture.DocumentAsync()).GetProperty("info");

        Assert.Equal("Promotions API", info.GetProperty("title").GetString());
        var description = info.GetProperty("description").GetString()!;
        Assert.All(["/admin", "/offers", "/validate", "/redemptions", "/analytics", "If-Match", "Idempotency-Key", ProblemJson],
            part => Assert.Contains(part, description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_ListsNoEventsPath_ThoughTheHostRoutesThem()
    {
        var paths = (await _fixture.DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains(ApiEndpoint.All(_fixture.Factory.Services), e => e.Pattern.StartsWith("/events/", StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.StartsWith("/events/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryOperation_DeclaresASuccessWithItsContentTypeAndSchema() =>
        OpenApiRules.AssertSuccesses(await _fixture.OperationsAsync());

    [Fact]
    public async Task CsvAndBinaryBodies_AreDeclaredWithTheirOwnContentTypes()
    {
        var operations = (await _fixture.OperationsAsync()).ToDictionary(o => o.Id, StringComparer.Ordinal);

        Assert.Equal(["text/csv"], RequestTypes(operations["ImportCodes"]));
        Assert.Contains("image/png", RequestTypes(operations["UploadAsset"]));
        Assert.Contains("image/png", RequestTypes(operations["ReceiveAssetUpload"]));
        foreach (var export in new[] { "ExportCodes", "ExportAnalyticsOverview", "ExportCampaignAnalytics", "ExportPromotionAnalytics" })
        {
            Assert.Equal(["text/csv"], ContentTypes(operations[export].Response("200")!.Value));
        }

        Assert.Equal(["application/json", "text/csv"], ContentTypes(operations["GetAnalyticsOverview"].Response("200")!.Value));
    }

    [Fact]
    public async Task EveryOperationThatNeedsAToken_Declares401And403Problems()
    {
        var operations = await _fixture.OperationsAsync();
        var protectedEndpoints = ApiEndpoint.All(_fixture.Factory.Services)
            .Where(e => e.Policies.Count > 0 && !e.AllowsAnonymous && !e.Pattern.StartsWith("/events/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(protectedEndpoints);
        Assert.All(protectedEndpoints, endpoint =>
        {
            var operation = Assert.Single(operations, o => string.Equals(o.Method, endpoint.Method, StringComparison.OrdinalIgnoreCase) && o.Path == endpoint.Pattern);
            Assert.True(operation.Response("401") is not null, $"{operation} does not declare 401.");
            Assert.True(operation.Response("403") is not null, $"{operation} does not declare 403.");
        });
        Assert.All(operations.Where(o => protectedEndpoints.All(e => e.Pattern != o.Path)), o => Assert.Null(o.Response("401")));
    }

    [Fact]
    public async Task EveryOperationWithABodyOrAQuery_DeclaresAProblemFor400Or422() =>
        OpenApiRules.AssertInputRefusals(await _fixture.OperationsAsync());

    [Fact]
    public async Task EveryErrorResponse_IsAProblemWithTheServicesSchema() =>
        OpenApiRules.AssertProblems(await _fixture.DocumentAsync(), await _fixture.OperationsAsync());

    [Fact]
    public async Task IdempotencyKey_IsDeclaredExactlyByTheHandlersThatTakeAnIdempotentRequest()
    {
        var operations = await _fixture.OperationsAsync();
        var keyed = _fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.OfType<MethodInfo>().Any(m => m.GetParameters().Any(p => p.ParameterType.Name == "IdempotentRequest")))
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["ConfirmReservation", "Redeem", "ReleaseReservation", "Reserve", "ReverseRedemption"], keyed);
        Assert.Equal(keyed, operations.Where(o => o.RequiresHeader(IdempotencyKeys.Header)).Select(o => o.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IdempotencyKey_WhereDeclared_IsRequiredAndARepeatedKeyReplaysTheFirstAnswer()
    {
        var operations = (await _fixture.OperationsAsync()).Where(o => o.RequiresHeader(IdempotencyKeys.Header)).ToList();
        using var client = _fixture.Factory.Admin();

        Assert.NotEmpty(operations);
        foreach (var operation in operations)
        {
            using var missing = await SendAsync(client, operation, KeyedBody(operation), key: null);
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Equal(IdempotencyKeys.Header, (await ProblemAsync(missing)).GetProperty("errors")[0].GetProperty("path").GetString());

            var key = Guid.NewGuid().ToString("N");
            using var first = await SendAsync(client, operation, KeyedBody(operation), key);
            using var again = await SendAsync(client, operation, KeyedBody(operation), key);
            Assert.False(first.Headers.Contains(IdempotencyKeys.ReplayedHeader), $"{operation}: the first answer is not a replay.");
            Assert.True(again.Headers.TryGetValues(IdempotencyKeys.ReplayedHeader, out var replayed) && replayed.Single() == "true", $"{operation} did not replay.");
            Assert.Equal(first.StatusCode, again.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task IfMatch_WhereDeclared_IsRequiredAndChecked()
    {
        var operations = (await _fixture.OperationsAsync()).Where(o => o.RequiresHeader(ETags.IfMatchHeader)).ToList();
        using var client = _fixture.Factory.Admin();

        Assert.Equal(17, operations.Count);
        foreach (var operation in operations)
        {
            Assert.True(operation.Response("412") is not null && operation.Response("428") is not null, $"{operation} does not declare 412 and 428.");
            var id = await ExistingIdAsync(client, operation.Path);
            using var without = await SendAsync(client, operation, operation.HasBody ? new { } : null, key: null, id: id);
            Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);
            Assert.Equal("if_match_required", (await ProblemAsync(without)).GetProperty("code").GetString());

            using var stale = await SendAsync(client, operation, operation.HasBody ? new { } : null, key: null, id: id, ifMatch: "\"999999\"");
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }
    }

    [Fact]
    public async Task ETag_WhereDeclaredOnARead_IsSent()
    {
        var reads = (await _fixture.OperationsAsync())
            .Where(o => o.Method == "get" && o.Response("200")?.TryGetProperty("headers", out var h) == true && h.TryGetProperty("ETag", out _)).ToList();
        using var client = _fixture.Factory.Admin();

        Assert.Equal(5, reads.Count);
        foreach (var read in reads)
        {
            using var response = await client.GetAsync(new Uri(read.Path.Replace("{id}", await ExistingIdAsync(client, read.Path), StringComparison.Ordinal), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public void HeaderReads_WhereTheEndpointDidNotDeclareThem_Throw()
    {
        var http = new DefaultHttpContext();
        http.SetEndpoint(new Endpoint(null, EndpointMetadataCollection.Empty, "undeclared"));

        Assert.Throws<InvalidOperationException>(() => IdempotencyKeys.Read(http));
        Assert.Throws<InvalidOperationException>(() => ETags.TryReadIfMatch(http.Request, out _));
        Assert.Throws<InvalidOperationException>(() => ETags.Set(http.Response, 1));
    }

    [Fact]
    public async Task CommittedCopy_IsTheServedDocument()
    {
        using var client = _fixture.Factory.ClientWith(null);
        var served = OpenApiSnapshot.Normalize(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        if (OpenApiSnapshot.RefreshRequested)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(OpenApiSnapshot.FullPath)!);
            await File.WriteAllTextAsync(OpenApiSnapshot.FullPath, served, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        var committed = File.Exists(OpenApiSnapshot.FullPath) ? await File.ReadAllTextAsync(OpenApiSnapshot.FullPath) : "";
        Assert.True(committed == served,
            $"{OpenApiSnapshot.RelativePath} is not the document the host serves; refresh it with: {OpenApiSnapshot.RefreshCommand}");
    }

    private static object Order(string orderId) => new
    {
        channel = "web",
        customerId = DemoCustomer,
        order = new
        {
            orderId,
            currency = "EUR",
            lines = new[] { new { lineId = "1", sku = "SKU-SOCKS-3P", category = "socks", quantity = 3, unitPrice = 9.5m } },
        },
    };

    private static object? KeyedBody(DocumentedOperation operation) =>
        !operation.HasBody ? null
        : KeyedBodies.TryGetValue(operation.Id, out var body) ? body
        : throw new InvalidOperationException($"{operation} takes an Idempotency-Key: add a body for it to {nameof(KeyedBodies)}.");

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, DocumentedOperation operation, object? body, string? key, string id = "openapi-unknown", string? ifMatch = null)
    {
        var path = operation.Path.Replace("{id}", id, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), new Uri(path, UriKind.Relative))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        if (key is not null)
        {
            request.Headers.Add(IdempotencyKeys.Header, key);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return await client.SendAsync(request);
    }

    // The first item of the demo data's list the item's path belongs to (/admin/campaigns/{id}/lifecycle → /admin/campaigns).
    private static async Task<string> ExistingIdAsync(HttpClient client, string path)
    {
        var list = path[..path.IndexOf("/{id}", StringComparison.Ordinal)];
        using var page = JsonDocument.Parse(await client.GetStringAsync(new Uri(list + "?limit=1", UriKind.Relative)));
        return page.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static List<string> RequestTypes(DocumentedOperation operation) =>
        ContentTypes(operation.Body.GetProperty("requestBody"));

    private static List<string> ContentTypes(JsonElement withContent) =>
        [.. withContent.GetProperty("content").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal)];

    public sealed class Fixture : IDisposable
    {
        private JsonElement? _document;

        public LocalHostFactory Factory { get; } = new(demo: true);

        public async Task<JsonElement> DocumentAsync()
        {
            if (_document is null)
            {
                using var client = Factory.ClientWith(null);
                _document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement.Clone();
            }

            return _document.Value;
        }

        internal async Task<IReadOnlyList<DocumentedOperation>> OperationsAsync() => DocumentedOperation.All(await DocumentAsync());

        public void Dispose() => Factory.Dispose();
    }
}
