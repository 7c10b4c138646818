using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Codes;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Support;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Events;

namespace Promotions.Aws.Tests.Codes;

/// <summary>
/// What the transactions of 98 codes must get right beyond the contract: codes already stored, spread over several
/// transactions of one batch, and repeats inside the batch, in one transaction and across two.
/// </summary>
public sealed class DynamoDbCodeBatchTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _promotionId = "prm_" + Guid.NewGuid().ToString("N");
    private readonly string _prefix = "B" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();

    private DynamoDbCodeStore Store => new(aws.DynamoDb, aws.Services.GetRequiredService<IOptions<AwsOptions>>(), _clock);

    [Fact]
    public async Task Insert_WithStoredCodesInSeveralTransactionsAndRepeatsWithinAndAcross_StoresEachNewCodeOnce()
    {
        // 300 distinct codes, of which every tenth is stored already; 0–9 appear again at the end (another transaction)
        // and 20 right after itself (the same transaction).
        var stored = Enumerable.Range(0, 300).Where(i => i % 10 == 5).Select(Code).ToList();
        await Store.InsertAsync("cjb_before", stored, default);
        var batch = Enumerable.Range(0, 300).Select(Code).ToList();
        batch.Insert(21, Code(20) with { MaxUses = 7 });
        batch.AddRange(Enumerable.Range(0, 10).Select(i => Code(i) with { MaxUses = 9 }));

        var result = await Store.InsertAsync("cjb_batch", batch, default);

        Assert.Equal(270, result.Inserted);
        Assert.Equal(
            stored.Select(c => c.Code).Concat([Code(20).Code]).Concat(Enumerable.Range(0, 10).Select(i => Code(i).Code)).Order(StringComparer.Ordinal),
            result.Duplicates.Order(StringComparer.Ordinal));
        Assert.Equal(300, await Store.CountAsync(_promotionId, default));
        Assert.Equal(1, (await Store.FindAsync(Code(20).Code, default))!.MaxUses);
        Assert.Equal(1, (await Store.FindAsync(Code(3).Code, default))!.MaxUses);

        var events = await EventsAsync("cjb_batch");
        Assert.Equal(270, events.Sum(e => e.Count));
        Assert.All(events, e => Assert.InRange(e.Count, 1, DynamoDbCodeStore.CodesPerTransaction));
    }

    [Fact]
    public async Task Insert_KeepsTheCodeItemAttributesTheLedgerReads()
    {
        var code = Code(1) with { Uses = 2, MaxUses = 5, Active = false, ExpiresAt = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(2)), AssignedCustomerId = "cus_1" };
        await Store.InsertAsync("cjb_attrs", [code], default);

        var item = (await aws.DynamoDb.GetItemAsync(aws.Table, Attr.Key("CODE#" + code.Code, "#META"))).Item;

        Assert.Equal((code.Id, _promotionId, 2L, 5L, false), (item.GetS("id"), item.GetS("promotionId"), item.GetN("uses"), item.GetN("maxUses"), item.GetBool("active")));
        Assert.Equal(code.ExpiresAt!.Value.UtcTicks, item.GetN("expiresAt"));
        Assert.Equal("cus_1", item.GetS("assignedCustomerId"));
        Assert.Equal(("CODES#" + _promotionId, code.Id), (item.GetS(TableLayout.Gsi1Pk), item.GetS(TableLayout.Gsi1Sk)));
        var bare = Code(2);
        await Store.InsertAsync("cjb_attrs", [bare with { ExpiresAt = null }], default);
        var bareItem = (await aws.DynamoDb.GetItemAsync(aws.Table, Attr.Key("CODE#" + bare.Code, "#META"))).Item;
        Assert.False(bareItem.ContainsKey("expiresAt"));
        Assert.False(bareItem.ContainsKey("assignedCustomerId"));
    }

    private Task<List<CodesGenerated>> EventsAsync(string jobId) =>
        OutboxReader.PendingAsync<CodesGenerated>(aws.Services.GetRequiredService<IOutbox>(), e => e.JobId == jobId);

    private PromoCode Code(int n) => new(Ids.New("cod", _clock), _promotionId, $"{_prefix}{n:D5}", 0, 1, true, null);
}
