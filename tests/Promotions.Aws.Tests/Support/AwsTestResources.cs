using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support.Lambda;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// A fresh pair of tables (main and analytics) and an assets bucket with unique names, for one test class, deleted afterwards. It
/// hands out configuration that points the adapters at the emulator and those tables, and a service provider
/// built with the real registration call (<see cref="AwsAdapters.AddAwsAdapters"/>).
/// </summary>
public class AwsTestResources : IAsyncLifetime
{
    private readonly List<string> _tables = [];
    private readonly List<string> _queues = [];
    private ServiceProvider? _services;

    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Table => "promotions-test-" + Suffix;

    public string AnalyticsTable => "analytics-test-" + Suffix;

    /// <summary>The private assets bucket of this class (emptied and deleted afterwards).</summary>
    public string AssetsBucket => "assets-test-" + Suffix;

    public Emulator Emulator { get; private set; } = null!;

    public IConfiguration Configuration { get; private set; } = null!;

    /// <summary>The services of the AWS adapter set on these tables (clients, and every port registered so far).</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public IAmazonDynamoDB DynamoDb => Services.GetRequiredService<IAmazonDynamoDB>();

    /// <summary>Every DynamoDB request of these services, with its answer.</summary>
    public RequestLog Requests { get; } = new();

    public IAmazonS3 S3 => Services.GetRequiredService<IAmazonS3>();

    public IAmazonSQS Sqs => Services.GetRequiredService<IAmazonSQS>();

    /// <summary>
    /// The settings the adapters get, for hosting a service's app on the same resources; read when asked, so they include
    /// what a derived class created after <see cref="InitializeAsync"/> (a queue, say).
    /// </summary>
    public IReadOnlyDictionary<string, string?> AdapterSettings => Settings();

    public virtual async Task InitializeAsync()
    {
        Emulator = await Emulator.GetAsync();
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var services = new ServiceCollection();
        ConfigureServices(services);
        _services = services.BuildServiceProvider();
        await CreateTableAsync(TableLayout.MainTable(Table));
        await CreateTableAsync(TableLayout.AnalyticsTable(AnalyticsTable));
        await S3.PutBucketAsync(AssetsBucket);
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            try
            {
                await Sqs.DeleteQueueAsync(queue);
            }
            catch (Amazon.SQS.Model.QueueDoesNotExistException)
            {
                // Gone already.
            }
        }

        foreach (var table in _tables)
        {
            try
            {
                await DynamoDb.DeleteTableAsync(table);
            }
            catch (ResourceNotFoundException)
            {
                // Gone already.
            }
        }

        await DeleteBucketAsync();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    /// <summary>
    /// Another, empty analytics table (deleted with the others), for tests that need a store no other test has
    /// written to: the aggregates of everything are one set of cells per table.
    /// </summary>
    public async Task<string> NewAnalyticsTableAsync()
    {
        var name = $"analytics-test-{Suffix}-{Guid.NewGuid().ToString("N")[..8]}";
        await CreateTableAsync(TableLayout.AnalyticsTable(name));
        return name;
    }

    /// <summary>
    /// A new consumer queue with its dead-letter queue, as template.yaml declares them: after
    /// <paramref name="maxReceiveCount"/> receives a message moves to the dead-letter queue.
    /// </summary>
    public async Task<TestQueue> NewEventQueueAsync(int maxReceiveCount = 5, int visibilityTimeoutSeconds = 30)
    {
        var name = $"events-test-{Suffix}-{Guid.NewGuid().ToString("N")[..8]}";
        var deadLetterUrl = await CreateQueueAsync(name + "-dlq", []);
        var deadLetterArn = await QueueArnAsync(deadLetterUrl);
        var redrive = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["deadLetterTargetArn"] = deadLetterArn,
            ["maxReceiveCount"] = maxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var url = await CreateQueueAsync(name, new()
        {
            ["RedrivePolicy"] = redrive,
            ["VisibilityTimeout"] = visibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new TestQueue(url, await QueueArnAsync(url), deadLetterUrl, deadLetterArn);
    }

    /// <summary>Creates a queue (one a test named in configuration before it existed, say); deleted with the others.</summary>
    public async Task<string> CreateQueueAsync(string name, Dictionary<string, string> attributes)
    {
        var url = (await Sqs.CreateQueueAsync(new Amazon.SQS.Model.CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;
        lock (_queues)
        {
            _queues.Add(url);
        }

        return url;
    }

    /// <summary>
    /// The URL a queue named <paramref name="name"/> will have once created (queue URLs are the account's queue
    /// base and the name): for configuring a consumer whose queue does not exist yet.
    /// </summary>
    public async Task<string> FutureQueueUrlAsync(string name)
    {
        var probe = await NewEventQueueAsync();
        return probe.Url[..(probe.Url.LastIndexOf('/') + 1)] + name;
    }

    /// <summary>The table's stream, read as a Lambda event source reads it.</summary>
    public async Task<(DynamoDbStreamsClient Client, string StreamArn)> StreamAsync()
    {
        var arn = (await DynamoDb.DescribeTableAsync(Table)).Table.LatestStreamArn;
        var endpoint = new Uri(Emulator.Endpoint ?? $"https://streams.dynamodb.{Emulator.Region}.amazonaws.com");
        AWSCredentials credentials = Emulator.Endpoint is null ? DefaultAWSCredentialsIdentityResolver.GetCredentials() : new BasicAWSCredentials("test", "test");
        return (new DynamoDbStreamsClient(new HttpClient(), endpoint, Emulator.Region, credentials), arn);
    }

    private async Task<string> QueueArnAsync(string url) =>
        (await Sqs.GetQueueAttributesAsync(url, ["QueueArn"])).Attributes["QueueArn"];

    /// <summary>The configuration the adapters get: endpoint, static emulator credentials, resource names.</summary>
    protected virtual Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Mode"] = "aws",
            ["Aws:Region"] = Emulator.Region,
            ["Aws:Table"] = Table,
            ["Aws:AnalyticsTable"] = AnalyticsTable,
            ["Aws:AssetsBucket"] = AssetsBucket,
        };
        if (Emulator.Endpoint is { } endpoint)
        {
            settings["Aws:EndpointUrl"] = endpoint;
            settings["Aws:AccessKeyId"] = "test";
            settings["Aws:SecretAccessKey"] = "test";
        }

        return settings;
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Configuration);

        // Registered first, so the adapter set keeps it: the emulator's client with the request log (TestClients).
        services.AddSingleton(_ => TestClients.DynamoDb(Emulator, Requests));
        services.AddAwsAdapters(Configuration);
    }

    private async Task DeleteBucketAsync()
    {
        try
        {
            ListObjectsV2Response page;
            do
            {
                page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = AssetsBucket });
                if (page.S3Objects is { Count: > 0 } objects)
                {
                    await S3.DeleteObjectsAsync(new DeleteObjectsRequest
                    {
                        BucketName = AssetsBucket,
                        Objects = [.. objects.Select(o => new KeyVersion { Key = o.Key })],
                    });
                }
            }
            while (page.IsTruncated == true);

            await S3.DeleteBucketAsync(AssetsBucket);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Gone already.
        }
    }

    private async Task CreateTableAsync(CreateTableRequest request)
    {
        await DynamoDb.CreateTableAsync(request);
        lock (_tables)
        {
            _tables.Add(request.TableName);
        }

        for (var i = 0; i < 600; i++)
        {
            var described = await DynamoDb.DescribeTableAsync(request.TableName);
            if (described.Table.TableStatus == TableStatus.ACTIVE)
            {
                break;
            }

            await Task.Delay(100);
        }

        await DynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = request.TableName,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = TableLayout.Ttl, Enabled = true },
        });
    }
}
