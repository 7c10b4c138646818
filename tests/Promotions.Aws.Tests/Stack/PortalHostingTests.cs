using System.Text.Json;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The admin portal's hosting in template.yaml, deployed: a private bucket only the portal's CloudFront distribution
/// reads (origin access control), HTTPS, the app for every client-side route; the portal's URL where sign-in and the
/// API's CORS need it; and infra/scripts/publish_portal.sh, which the deploy workflow runs, publishing a build.
/// </summary>
public sealed class PortalHostingTests(DeployedStack stack) : IClassFixture<DeployedStack>
{
    private string BucketName => stack.Outputs["PortalBucketName"];

    private string DistributionId => stack.Outputs["PortalDistributionId"];

    // moto's CloudFormation applies neither a bucket's public access block nor a bucket policy: those are read from
    // the template as CloudFormation received it; the encryption, which it applies, from S3.
    [Fact]
    public async Task Deploy_KeepsThePortalBucketPrivate_ReadableByItsDistributionAlone()
    {
        var resources = stack.Template.GetProperty("Resources");
        var block = resources.GetProperty("PortalBucket").GetProperty("Properties").GetProperty("PublicAccessBlockConfiguration");
        var policy = resources.GetProperty("PortalBucketPolicy").GetProperty("Properties");
        var encryption = await AwsCli.JsonAsync(stack.Emulator, "s3api", "get-bucket-encryption", "--bucket", BucketName);

        Assert.Equal(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"],
            block.EnumerateObject().Where(p => p.Value.GetBoolean()).Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("AES256", encryption.GetProperty("ServerSideEncryptionConfiguration").GetProperty("Rules")[0]
            .GetProperty("ApplyServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        Assert.Equal("PortalBucket", policy.GetProperty("Bucket").GetProperty("Ref").GetString());
        var statements = policy.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray().ToList();
        var read = Assert.Single(statements, s => s.GetProperty("Effect").GetString() == "Allow");
        Assert.Equal("cloudfront.amazonaws.com", read.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("s3:GetObject", read.GetProperty("Action").GetString());
        var source = read.GetProperty("Condition").GetProperty("StringEquals").GetProperty("AWS:SourceArn").GetProperty("Fn::Sub").GetString();
        Assert.Equal("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${PortalDistribution}", source);
        Assert.Contains(statements, s => s.GetProperty("Effect").GetString() == "Deny"
            && s.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString() == "false");
    }

    [Fact]
    public async Task Deploy_ServesThePortalOverHttpsThroughItsOriginAccessControl_AndTheAppForEveryRoute()
    {
        var distribution = (await AwsCli.JsonAsync(stack.Emulator, "cloudfront", "get-distribution", "--id", DistributionId)).GetProperty("Distribution");
        var config = distribution.GetProperty("DistributionConfig");
        var control = (await AwsCli.JsonAsync(stack.Emulator, "cloudfront", "get-origin-access-control", "--id", stack.Resources["PortalOriginAccessControl"].Id!))
            .GetProperty("OriginAccessControl").GetProperty("OriginAccessControlConfig");
        var declared = stack.Template.GetProperty("Resources").GetProperty("PortalDistribution").GetProperty("Properties").GetProperty("DistributionConfig");

        Assert.Equal("https://" + distribution.GetProperty("DomainName").GetString(), stack.Outputs["PortalUrl"]);
        Assert.Equal("redirect-to-https", config.GetProperty("DefaultCacheBehavior").GetProperty("ViewerProtocolPolicy").GetString());
        Assert.Equal("index.html", config.GetProperty("DefaultRootObject").GetString());
        Assert.True(config.GetProperty("ViewerCertificate").GetProperty("CloudFrontDefaultCertificate").GetBoolean());
        var origin = Assert.Single(config.GetProperty("Origins").GetProperty("Items").EnumerateArray());
        Assert.StartsWith(BucketName + ".s3.", origin.GetProperty("DomainName").GetString(), StringComparison.Ordinal);
        Assert.Equal("PortalOriginAccessControl", declared.GetProperty("Origins")[0].GetProperty("OriginAccessControlId").GetProperty("Fn::GetAtt")[0].GetString());
        Assert.Equal(("s3", "always", "sigv4"), (control.GetProperty("OriginAccessControlOriginType").GetString(),
            control.GetProperty("SigningBehavior").GetString(), control.GetProperty("SigningProtocol").GetString()));
        var errors = config.GetProperty("CustomErrorResponses").GetProperty("Items").EnumerateArray()
            .Select(e => (e.GetProperty("ErrorCode").GetInt32(), e.GetProperty("ResponseCode").GetString(), e.GetProperty("ResponsePagePath").GetString()));
        Assert.Equal([(403, "200", "/index.html"), (404, "200", "/index.html")], errors.Order());
        Assert.Equal(JsonValueKind.Object, declared.GetProperty("DefaultCacheBehavior").GetProperty("ResponseHeadersPolicyId").ValueKind);
    }

    [Fact]
    public void Template_NamesThePortalsUrlForSignInAndForTheApiAndAssetUploads()
    {
        var resources = stack.Template.GetProperty("Resources");
        var client = resources.GetProperty("AdminPortalClient").GetProperty("Properties");

        Assert.Contains("https://${PortalDistribution.DomainName}/callback", client.GetProperty("CallbackURLs").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("https://${PortalDistribution.DomainName}/", client.GetProperty("LogoutURLs").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("https://${PortalDistribution.DomainName}", resources.GetProperty("HttpApi").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("https://${PortalDistribution.DomainName}", resources.GetProperty("AssetsBucket").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishPortal_UploadsTheBuildWithItsCacheHeaders_TheConfigFromTheStack_AndRemovesWhatTheBuildDropped()
    {
        var dist = Directory.CreateTempSubdirectory("portal-dist-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dist, "assets"));
            await File.WriteAllTextAsync(Path.Combine(dist, "index.html"), "<!doctype html><script src=\"/assets/app-1a2b3c.js\"></script>");
            await File.WriteAllTextAsync(Path.Combine(dist, "assets", "app-1a2b3c.js"), "console.log(1)");
            await File.WriteAllTextAsync(Path.Combine(dist, "favicon.svg"), "<svg/>");
            var dropped = Path.Combine(dist, "dropped.txt");
            await File.WriteAllTextAsync(dropped, "from an earlier build");
            await AwsCli.RunAsync(stack.Emulator, "aws", "s3", "cp", dropped, $"s3://{BucketName}/dropped.txt");
            await AwsCli.RunAsync(stack.Emulator, "aws", "s3", "cp", dropped, $"s3://{BucketName}/assets/app-0ld.js");
            File.Delete(dropped);

            var printed = await AwsCli.RunAsync(stack.Emulator, "bash", "infra/scripts/publish_portal.sh", stack.StackName, dist);

            Assert.Equal(stack.Outputs["PortalUrl"], printed.Trim());
            Assert.Equal(("no-cache", "text/html"), await HeadersAsync("index.html"));
            Assert.Equal("public, max-age=31536000, immutable", (await HeadersAsync("assets/app-1a2b3c.js")).CacheControl);
            Assert.Equal("no-cache", (await HeadersAsync("favicon.svg")).CacheControl);
            Assert.Equal(("no-cache", "application/json"), await HeadersAsync("config.json"));
            var keys = (await AwsCli.JsonAsync(stack.Emulator, "s3api", "list-objects-v2", "--bucket", BucketName)).GetProperty("Contents")
                .EnumerateArray().Select(o => o.GetProperty("Key").GetString()).Order(StringComparer.Ordinal);
            Assert.Equal(["assets/app-1a2b3c.js", "config.json", "favicon.svg", "index.html"], keys);

            var config = JsonDocument.Parse(await AwsCli.RunAsync(stack.Emulator, "aws", "s3", "cp", $"s3://{BucketName}/config.json", "-")).RootElement;
            Assert.Equal(stack.Outputs["ApiUrl"], config.GetProperty("apiBaseUrl").GetString());
            var auth = config.GetProperty("auth");
            Assert.Equal("cognito", auth.GetProperty("mode").GetString());
            Assert.Equal(stack.Outputs["AuthDomain"], auth.GetProperty("domain").GetString());
            Assert.Equal(stack.Outputs.GetValueOrDefault("AdminPortalClientId", ""), auth.GetProperty("clientId").GetString());
            Assert.Equal(stack.Outputs["PortalUrl"] + "/callback", auth.GetProperty("redirectUri").GetString());
            Assert.Equal(stack.Outputs["PortalUrl"] + "/", auth.GetProperty("logoutUri").GetString());

            var invalidations = await AwsCli.JsonAsync(stack.Emulator, "cloudfront", "list-invalidations", "--distribution-id", DistributionId);
            Assert.NotEmpty(invalidations.GetProperty("InvalidationList").GetProperty("Items").EnumerateArray());
        }
        finally
        {
            Directory.Delete(dist, recursive: true);
        }
    }

    private async Task<(string? CacheControl, string? ContentType)> HeadersAsync(string key)
    {
        var head = await AwsCli.JsonAsync(stack.Emulator, "s3api", "head-object", "--bucket", BucketName, "--key", key);
        return (head.GetProperty("CacheControl").GetString(), head.GetProperty("ContentType").GetString());
    }
}
