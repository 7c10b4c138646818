using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Promotions.Aws.Tests.Support;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Api;

/// <summary>
/// The pass-through endpoints in a Lambda function of the AWS mode: the Lambda Web Adapter posts a non-HTTP
/// event with <c>x-amzn-request-context: null</c> and no token, and that is the only request they take; one it
/// converted from API Gateway carries the gateway's request context and is refused whatever its token. Outside
/// Lambda the endpoints stay admin-only, so the header proves nothing there.
/// </summary>
public sealed class PassThroughTests(PassThroughTests.Hosts hosts) : IClassFixture<PassThroughTests.Hosts>
{
    private const string ApiGatewayContext =
        """{"accountId":"123456789012","apiId":"a1b2c3","domainName":"a1b2c3.execute-api.eu-west-1.amazonaws.com","domainPrefix":"a1b2c3","http":{"method":"POST","path":"/events/analytics","protocol":"HTTP/1.1","sourceIp":"203.0.113.9","userAgent":"curl/8"},"requestId":"r1","routeKey":"$default","stage":"$default","time":"01/Dec/2026:12:00:00 +0000","timeEpoch":1796126400000}""";

    [Fact]
    public async Task InLambda_APassThroughPost_IsTakenWithoutAToken()
    {
        using var response = await PostAsync(hosts.Lambda, token: null, requestContext: "null");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var failures = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("batchItemFailures");
        Assert.Equal("m0", failures[0].GetProperty("itemIdentifier").GetString());
    }

    [Theory]
    [InlineData(ApiGatewayContext, false)]
    [InlineData(ApiGatewayContext, true)]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData("{}", true)]
    public async Task InLambda_ARequestThroughApiGateway_IsRefusedWhateverItsToken(string? requestContext, bool adminToken)
    {
        using var response = await PostAsync(hosts.Lambda, adminToken ? hosts.Lambda.Token(Roles.Admin) : null, requestContext);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("forbidden", problem.GetProperty("code").GetString());
        Assert.Equal("not_pass_through", problem.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task OutsideLambda_TheHeaderProvesNothing_AndAnAdminIsNeeded()
    {
        using var forged = await PostAsync(hosts.NotLambda, token: null, requestContext: "null");
        using var analyst = await PostAsync(hosts.NotLambda, hosts.NotLambda.Token(Roles.Analyst), requestContext: "null");
        using var admin = await PostAsync(hosts.NotLambda, hosts.NotLambda.Token(Roles.Admin), requestContext: null);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(AwsServiceFactory<Promotions.Analytics.Program> host, string? token, string? requestContext)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/events/analytics", UriKind.Relative))
        {
            Content = JsonContent.Create(new { Records = new[] { new { messageId = "m0", receiptHandle = "h", body = "not an envelope", eventSource = "aws:sqs" } } }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (requestContext is not null)
        {
            request.Headers.TryAddWithoutValidation(EventsIngestRequirement.RequestContextHeader, requestContext);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The Analytics service in the AWS mode, once as a Lambda function and once not.</summary>
    public sealed class Hosts : AwsTestResources
    {
        public AwsServiceFactory<Promotions.Analytics.Program> Lambda { get; private set; } = null!;

        public AwsServiceFactory<Promotions.Analytics.Program> NotLambda { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();

            // The Lambda runtime sets AWS_LAMBDA_RUNTIME_API in every function's environment.
            Lambda = new(this, new Dictionary<string, string?> { ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001" });
            NotLambda = new(this);
        }

        public override async Task DisposeAsync()
        {
            await Lambda.DisposeAsync();
            await NotLambda.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
