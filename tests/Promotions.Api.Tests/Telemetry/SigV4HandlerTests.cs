using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Promotions.ServiceDefaults.Telemetry;

namespace Promotions.Api.Tests.Telemetry;

/// <summary>The OTLP exporter's signer against AWS's published SigV4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z).</summary>
public sealed class SigV4HandlerTests
{
    private const string Prefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=";

    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    public async Task Send_OfATestSuiteRequest_SignsItAsThePublishedVector(string method, string url, string signature)
    {
        var sent = await SendAsync(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(Prefix + signature, Header(sent, "Authorization"));
        Assert.Equal("20150830T123600Z", Header(sent, "X-Amz-Date"));
    }

    [Fact]
    public async Task Send_WithASessionAndABody_SignsTheTokenAndTheContentType()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://xray.us-east-1.amazonaws.com/v1/traces")
        {
            Content = new ByteArrayContent([1, 2, 3]) { Headers = { { "Content-Type", "application/x-protobuf" } } },
        };

        var sent = await SendAsync(new SessionAWSCredentials("ASIAEXAMPLE", "secret", "the-token"), request);

        Assert.Equal("the-token", Header(sent, "X-Amz-Security-Token"));
        Assert.Contains("/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, ",
            Header(sent, "Authorization"), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], await sent.Content!.ReadAsByteArrayAsync());
    }

    private static async Task<HttpRequestMessage> SendAsync(AWSCredentials credentials, HttpRequestMessage request)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));
        var capture = new Capture();
        using var client = new HttpClient(new SigV4Handler("us-east-1", "service", () => credentials, clock) { InnerHandler = capture });
        using var response = await client.SendAsync(request);
        return capture.Sent!;
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private sealed class Capture : HttpMessageHandler
    {
        public HttpRequestMessage? Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
