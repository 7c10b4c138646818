using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Promotions.Aws.Catalog;
using Promotions.Aws.Configuration;
using Promotions.Aws.Scheduling;
using Promotions.Aws.Search;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Scheduling;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Scheduling;

namespace Promotions.Aws.Tests.Scheduling;

/// <summary>
/// The schedule on DynamoDB (moto): the due index (<c>gsi3</c>) written by the stores, queried by <see cref="DynamoDbDueStepQuery"/>;
/// the second runner has stores and clients of its own on the same table, as a second Lambda invocation would.
/// </summary>
public sealed class DynamoDbScheduleRunnerTests(AwsTestResources aws) : ScheduleRunnerContract, IClassFixture<AwsTestResources>, IDisposable
{
    private readonly List<IDisposable> _owned = [];

    protected override IDueStepQuery Due => aws.Services.GetRequiredService<IDueStepQuery>();

    protected override ICampaignStore Campaigns => aws.Services.GetRequiredService<ICampaignStore>();

    protected override IPromotionStore Promotions => aws.Services.GetRequiredService<IPromotionStore>();

    protected override IPromotionSearch Search => aws.Services.GetRequiredService<IPromotionSearch>();

    protected override IOutbox Outbox => aws.Services.GetRequiredService<IOutbox>();

    protected override ScheduleRunner OtherRunner()
    {
        var dynamo = TestClients.DynamoDb(aws.Emulator, new RequestLog());
        var options = aws.Services.GetRequiredService<IOptions<AwsOptions>>();
        var version = new CatalogVersion(dynamo, options, Clock);
        var promotions = new DynamoDbPromotionStore(dynamo, options, version, Clock);
        var search = new DynamoDbPromotionSearch(dynamo, options, version, Clock);
        _owned.AddRange([dynamo, promotions, search]);
        return new ScheduleRunner(new DynamoDbDueStepQuery(dynamo, options), new DynamoDbCampaignStore(dynamo, options), promotions, search, Clock);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
