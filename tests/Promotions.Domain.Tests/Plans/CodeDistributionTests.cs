using Promotions.Domain.Plans;

namespace Promotions.Domain.Tests.Plans;

public sealed class CodeDistributionTests
{
    [Fact]
    public void Validate_WhenADistributionIsMalformed_ReturnsAnErrorPerPath()
    {
        var plan = new CampaignPlan(
        [
            new PlanStage("launch", PlanSamples.Start, null,
            [
                new StageChange(StageChangeKind.DistributeCodes, BatchSize: 0),
                new StageChange(StageChangeKind.DistributeCodes, "prm_main", SegmentId: "seg_news", BatchSize: CodeDistribution.MaxBatchSize + 1),
                new StageChange(StageChangeKind.DistributeCodes, "prm_main", PlanSamples.Percent(5), "seg_news"),
                new StageChange(StageChangeKind.Activate, "prm_main", SegmentId: "seg_news", BatchSize: 10),
            ]),
        ], 1);

        var paths = PlanValidation.Validate(plan, PlanSamples.Start).Select(e => (e.Code, e.Path)).ToArray();

        Assert.Equal(
        [
            ("required", "$.stages[0].changes[0].promotionId"),
            ("required", "$.stages[0].changes[0].segmentId"),
            ("out_of_range", "$.stages[0].changes[0].batchSize"),
            ("out_of_range", "$.stages[0].changes[1].batchSize"),
            ("not_allowed", "$.stages[0].changes[2].effect"),
            ("not_allowed", "$.stages[0].changes[3].segmentId"),
            ("not_allowed", "$.stages[0].changes[3].batchSize"),
        ], paths);
    }

    [Fact]
    public void Validate_WhenMoreStagesDistributeThanTheHistoryHolds_ReturnsTooManyDistributions()
    {
        var stages = Enumerable.Range(0, CodeDistribution.MaxStagesPerPlan + 1).Select(i => new PlanStage($"mail {i}", PlanSamples.Start.AddDays(i), null,
            [new StageChange(StageChangeKind.DistributeCodes, "prm_main", SegmentId: "seg_news")])).ToArray();

        var error = Assert.Single(PlanValidation.Validate(new CampaignPlan(stages, 1), PlanSamples.Start));

        Assert.Equal(("too_many_distributions", $"$.stages[{CodeDistribution.MaxStagesPerPlan}].changes"), (error.Code, error.Path));
    }

    [Theory]
    [InlineData(0, new[] { 0 })]
    [InlineData(1, new[] { 0 })]
    [InlineData(3, new[] { 1, 2, 0 })]
    public void Deliveries_WhenFewBatches_HandsOverOneBatchEachThenTheRest(int batches, int[] expected)
    {
        Assert.Equal(expected, CodeDistribution.Deliveries(batches));
    }

    [Theory]
    [InlineData(CodeDistribution.MaxDeliveries)]
    [InlineData(20_834)]
    [InlineData(1_000_000)]
    public void Deliveries_WhenManyBatches_StaysWithinTheCapInOrderAndEndsWithTheRest(int batches)
    {
        var deliveries = CodeDistribution.Deliveries(batches);

        Assert.InRange(deliveries.Count, 2, CodeDistribution.MaxDeliveries);
        Assert.Equal(0, deliveries[^1]);
        var through = deliveries.Take(deliveries.Count - 1).ToArray();
        Assert.Equal(through.Order(), through);
        Assert.All(through, n => Assert.InRange(n, 1, batches - 1));
        Assert.True(batches - through[^1] <= (batches + CodeDistribution.MaxDeliveries - 2) / (CodeDistribution.MaxDeliveries - 1), "the rest is one share at most");
    }
}
