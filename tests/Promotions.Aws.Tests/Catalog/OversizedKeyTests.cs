using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Catalog;

/// <summary>
/// Ids and cursors come from clients; DynamoDB refuses keys past 2 KB (partition) and 1 KB (sort) with a validation
/// error. The adapters answer such reads as "none" instead, as SQLite does. moto accepts oversized keys, so on it this
/// checks the answers; run against DynamoDB itself (<c>PROMOTIONS_TEST_AWS=real</c>) it also checks that no request
/// reaches the service with such a key (<see cref="Dynamo.KeyLimitsTests"/> checks the bounds themselves).
/// </summary>
public sealed class OversizedKeyTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private static readonly string Huge = string.Concat(Enumerable.Repeat("é夏🎉x", 1_000));

    [Fact]
    public async Task Reads_WithOversizedIdsAndCursors_FindNothing()
    {
        var campaigns = aws.Services.GetRequiredService<ICampaignStore>();
        var codes = aws.Services.GetRequiredService<ICodeStore>();
        var jobs = aws.Services.GetRequiredService<ICodeJobStore>();
        var search = aws.Services.GetRequiredService<IPromotionSearch>();

        Assert.Null(await campaigns.GetAsync(Huge, default));
        Assert.Empty(await campaigns.GetManyAsync([Huge, "cmp_missing"], default));
        Assert.Equal(WriteStatus.NotFound, await campaigns.DeleteAsync(Huge, 1, default));
        Assert.Empty((await campaigns.ListAsync(new CampaignFilter(), new ListQuery(Huge), default)).Items);
        Assert.Null(await codes.FindAsync(Huge, default));
        Assert.Equal(0, await codes.CountAsync(Huge, default));
        Assert.Empty((await codes.ListAsync(Huge, new ListQuery(), default)).Items);
        Assert.Empty((await codes.ListAsync("prm_1", new ListQuery(Huge), default)).Items);
        Assert.Null(await jobs.GetAsync(Huge, default));
        Assert.Null(await jobs.ClaimAsync(Huge, null, default));
        await search.RemoveAsync(Huge, default);
    }
}
