using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// A fresh pair of tables (main and analytics), an assets bucket and the two KMS keys of personal data (by alias) with unique
/// names, for one test class, deleted afterwards. It
/// hands out configuration that points the adapters at the emulator and those tables, and a service provider
/// built with the real registration call (<see cref="AwsAdapters.AddAwsAdapters"/>).
/// </summary>
public class AwsTestResources : IAsyncLifetime
{
    private readonly List<string> _tables = [];
    private readonly List<(string Alias, string KeyId)> _keys = [];
    private ServiceProvider? _services;

    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Table => "promotions-test-" + Suffix;

    public string AnalyticsTable => "analytics-test-" + Suffix;

    /// <summary>The private assets bucket of this class (emptied and deleted afterwards).</summary>
    public string AssetsBucket => "assets-test-" + Suffix;

    /// <summary>The symmetric KMS key that wraps the data keys of personal data (<c>Aws:KmsKeyId</c>), by its alias.</summary>
    public string PersonalDataKey => $"alias/promotions-test-{Suffix}-personal-data";

    /// <summary>The HMAC_256 KMS key of lookup keys (<c>Aws:KmsLookupKeyId</c>), by its alias.</summary>
    public string LookupKey => $"alias/promotions-test-{Suffix}-lookup";

    public Emulator Emulator { get; private set; } = null!;

    public IConfiguration Configuration { get; private set; } = null!;

    /// <summary>The services of the AWS adapter set on these tables (clients, and every port registered so far).</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public IAmazonDynamoDB DynamoDb => Services.GetRequiredService<IAmazonDynamoDB>();

    public IAmazonS3 S3 => Services.GetRequiredService<IAmazonS3>();

    public IAmazonKeyManagementService Kms => Services.GetRequiredService<IAmazonKeyManagementService>();

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
        await CreateKeyAsync(PersonalDataKey, KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
        await CreateKeyAsync(LookupKey, KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
    }

    /// <summary>A KMS key with an alias; the alias is deleted and the key scheduled for deletion with the class's other resources.</summary>
    public async Task<string> CreateKeyAsync(string alias, KeySpec spec, KeyUsageType usage)
    {
        var key = await Kms.CreateKeyAsync(new CreateKeyRequest { KeySpec = spec, KeyUsage = usage, Description = "promotions test " + Suffix });
        await Kms.CreateAliasAsync(alias, key.KeyMetadata.KeyId);
        lock (_keys)
        {
            _keys.Add((alias, key.KeyMetadata.KeyId));
        }

        return key.KeyMetadata.Arn;
    }

    public virtual async Task DisposeAsync()
    {
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
        foreach (var (alias, keyId) in _keys)
        {
            await Kms.DeleteAliasAsync(alias);
            await Kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = keyId, PendingWindowInDays = 7 });
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

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
            ["Aws:KmsKeyId"] = PersonalDataKey,
            ["Aws:KmsLookupKeyId"] = LookupKey,
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
        _tables.Add(request.TableName);
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
