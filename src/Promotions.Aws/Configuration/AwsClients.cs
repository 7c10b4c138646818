using Amazon;
using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Promotions.Aws.Configuration;

/// <summary>
/// Builds the SDK clients from <see cref="AwsOptions"/>: one client per service for the process (they are
/// thread-safe and pool their connections), pointed at the configured endpoint when there is one.
/// </summary>
internal sealed class AwsClients(IOptions<AwsOptions> options, IConfiguration configuration)
{
    private readonly AwsOptions _options = options.Value;

    public IAmazonDynamoDB DynamoDb()
    {
        var config = Configure(new AmazonDynamoDBConfig(), "dynamodb");
        return Credentials() is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }

    public IAmazonSQS Sqs()
    {
        var config = Configure(new AmazonSQSConfig(), "sqs");
        return Credentials() is { } credentials ? new AmazonSQSClient(credentials, config) : new AmazonSQSClient(config);
    }

    public IAmazonS3 S3()
    {
        var config = Configure(new AmazonS3Config(), "s3");

        // Emulators serve buckets by path, not by virtual host; on AWS the SDK's default (virtual host) stays.
        config.ForcePathStyle = config.ServiceURL is not null;
        return Credentials() is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    public IAmazonKeyManagementService Kms()
    {
        var config = Configure(new AmazonKeyManagementServiceConfig(), "kms");
        return Credentials() is { } credentials
            ? new AmazonKeyManagementServiceClient(credentials, config)
            : new AmazonKeyManagementServiceClient(config);
    }

    private T Configure<T>(T config, string serviceId)
        where T : ClientConfig
    {
        var region = AwsEndpoints.Region(_options, configuration);
        if (AwsEndpoints.For(_options, configuration, serviceId) is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    /// <summary>
    /// What the Step Functions client signs with (no SDK client of its own here): the configured credentials or the
    /// SDK's default chain, its endpoint (the emulator's, or the regional one) and its region.
    /// </summary>
    public (AWSCredentials Credentials, Uri Endpoint, string Region) StepFunctions()
    {
        var region = AwsEndpoints.Region(_options, configuration);
        var endpoint = AwsEndpoints.For(_options, configuration, "states") ?? $"https://states.{region}.amazonaws.com";
        return (Credentials() ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(), new Uri(endpoint), region);
    }

    // Null: the SDK's default chain (on Lambda, the function role's credentials from the environment).
    private AWSCredentials? Credentials() =>
        string.IsNullOrEmpty(_options.AccessKeyId) ? null
        : string.IsNullOrEmpty(_options.SessionToken) ? new BasicAWSCredentials(_options.AccessKeyId, _options.SecretAccessKey ?? "")
        : new SessionAWSCredentials(_options.AccessKeyId, _options.SecretAccessKey ?? "", _options.SessionToken);
}
