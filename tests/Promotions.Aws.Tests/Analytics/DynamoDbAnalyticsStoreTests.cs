using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Analytics;
using Promotions.Aws.Configuration;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Analytics;
using Promotions.Domain.Analytics;

namespace Promotions.Aws.Tests.Analytics;

/// <summary>
/// The analytics contract on DynamoDB (moto, or the endpoint of <see cref="Emulator"/>), one new table per store.
/// moto answers one call at a time and slowly, so the generated sets are smaller than on SQLite.
/// </summary>
public sealed class DynamoDbAnalyticsStoreTests(AwsTestResources aws) : AnalyticsStoreContract, IClassFixture<AwsTestResources>
{
    protected override int SampleRedemptions => 10;

    protected override int PropertyIterations => 5;

    protected override async Task<IAnalyticsStore> NewStoreAsync() => await StoreAsync(aws);

    internal static async Task<DynamoDbAnalyticsStore> StoreAsync(AwsTestResources aws)
    {
        var table = await aws.NewAnalyticsTableAsync();
        return new DynamoDbAnalyticsStore(aws.DynamoDb, Options.Create(new AwsOptions { AnalyticsTable = table }), new FakeTimeProvider(AnalyticsSamples.Day0));
    }
}
