using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// A fresh pair of tables (main and analytics) with unique names, for one test class, deleted afterwards. It
/// hands out configuration that points the adapters at the emulator and those tables, and a service provider
/// built with the real registration call (<see cref="AwsAdapters.AddAwsAdapters"/>).
/// </summary>
public class AwsTestResources : IAsyncLifetime
{
    private readonly List<string> _tables = [];
    private ServiceProvider? _services;

    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Table => "promotions-test-" + Suffix;

    public string AnalyticsTable => "analytics-test-" + Suffix;

    public Emulator Emulator { get; private set; } = null!;

    public IConfiguration Configuration { get; private set; } = null!;

    /// <summary>The services of the AWS adapter set on these tables (clients, and every port registered so far).</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public IAmazonDynamoDB DynamoDb => Services.GetRequiredService<IAmazonDynamoDB>();

    /// <summary>Every DynamoDB request of these services, with its answer.</summary>
    public RequestLog Requests { get; } = new();

    public virtual async Task InitializeAsync()
    {
        Emulator = await Emulator.GetAsync();
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var services = new ServiceCollection();
        ConfigureServices(services);
        _services = services.BuildServiceProvider();
        await CreateTableAsync(MainTable());
        await CreateTableAsync(TableLayout.AnalyticsTable(AnalyticsTable));
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

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    /// <summary>The main table as the tests create it (the layout of <see cref="TableLayout.MainTable"/>).</summary>
    protected virtual CreateTableRequest MainTable() => TableLayout.MainTable(Table);

    /// <summary>The configuration the adapters get: endpoint, static emulator credentials, resource names.</summary>
    protected virtual Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Adapters:Mode"] = "aws",
            ["Aws:Region"] = Emulator.Region,
            ["Aws:Table"] = Table,
            ["Aws:AnalyticsTable"] = AnalyticsTable,
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

        // Registered first, so the adapter set keeps it: the emulator's client, one request at a time (TestClients).
        services.AddSingleton(_ => TestClients.DynamoDb(Emulator, Requests));
        services.AddAwsAdapters(Configuration);
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
