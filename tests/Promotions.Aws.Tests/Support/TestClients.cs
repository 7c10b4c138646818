using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Promotions.Aws.Tests.Support;

/// <summary>The DynamoDB client of a test: on the emulator (or AWS), with a request log.</summary>
public static class TestClients
{
    public static IAmazonDynamoDB DynamoDb(Emulator emulator, RequestLog log)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var config = new AmazonDynamoDBConfig { HttpClientFactory = new MotoHttpClientFactory(log) };
        if (emulator.Endpoint is not { } endpoint)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Emulator.Region);
            return new AmazonDynamoDBClient(config);
        }

        config.ServiceURL = endpoint;
        config.AuthenticationRegion = Emulator.Region;
        return new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), config);
    }
}
