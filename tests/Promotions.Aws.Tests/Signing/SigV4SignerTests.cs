using Amazon.Runtime;
using Promotions.Aws.Signing;

namespace Promotions.Aws.Tests.Signing;

/// <summary>The SigV4 signer (Step Functions client, X-Ray export) against AWS's published Signature Version 4 test suite (get-vanilla, post-vanilla).</summary>
public sealed class SigV4SignerTests
{
    private static readonly ImmutableCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("GET", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("POST", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public async Task SignAsync_OnTheVanillaVectors_GivesAwsSignature(string method, string signature)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://example.amazonaws.com/");

        await SigV4Signer.SignAsync(request, Example, "us-east-1", "service", SignedAt, CancellationToken.None);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}",
            string.Join(',', request.Headers.GetValues("Authorization")));
        Assert.Equal("20150830T123600Z", string.Join(',', request.Headers.GetValues("x-amz-date")));
    }
}
