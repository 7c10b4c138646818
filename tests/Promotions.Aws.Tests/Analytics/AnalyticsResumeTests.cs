using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Analytics;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Analytics;
using Promotions.Domain.Analytics;
using static Promotions.Contracts.Analytics.AnalyticsSamples;

namespace Promotions.Aws.Tests.Analytics;

/// <summary>An event whose sums take several transactions, applied again after a delivery died between them.</summary>
public sealed class AnalyticsResumeTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    [Fact]
    public async Task Apply_WhenAnEarlierDeliveryDiedAfterItsFirstTransaction_WritesOnlyTheRestAndCountsEveryCellOnce()
    {
        var table = await aws.NewAnalyticsTableAsync();
        var store = new DynamoDbAnalyticsStore(aws.DynamoDb, Options.Create(new AwsOptions { AnalyticsTable = table }), new FakeTimeProvider(Day0));
        var redeemed = Redeemed("evt_split", "red_split", segments: [.. Enumerable.Range(0, 50).Select(i => $"seg_{i:D2}")]);
        var plan = WritePlan.Build(redeemed.EventId, AnalyticsProjection.Apply(redeemed, RelatedFacts.None).Contributions, []);
        Assert.True(plan.Count > 1, "The event must need more than one transaction.");

        // The first delivery's first transaction committed; then its process died.
        await new PlanWriter(aws.DynamoDb, table, new FakeTimeProvider(Day0)).WriteAsync(redeemed.Type, [plan[0]], default);
        var partial = await aws.DynamoDb.GetItemAsync(table, Attr.Key(AnalyticsKeys.Processed(redeemed.EventId).Pk, AnalyticsKeys.ProcessedSk));
        Assert.False(partial.IsItemSet);

        Assert.True(await store.ApplyAsync(redeemed, default));
        Assert.False(await store.ApplyAsync(redeemed with { }, default));

        var scopes = AnalyticsSnapshot.ScopesOf([redeemed]);
        Assert.Equal(AnalyticsSnapshot.Reference([redeemed], scopes), await AnalyticsSnapshot.ReadAsync(store, scopes));
    }
}
