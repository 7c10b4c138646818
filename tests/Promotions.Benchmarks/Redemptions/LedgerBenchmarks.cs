using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Benchmarks.Storage;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Benchmarks.Redemptions;

/// <summary>
/// The embedded ledger's hot pieces through the public registration and the ports, on SQLite in a temporary
/// folder. Write: one redemption's atomic step (code use, promotion cap, customer limit, budget, record, event)
/// against the smallest write a redemption also makes, taking an idempotency lease. Usage: the counters of
/// 200 capped promotions, 50 budgets and one customer's 200 counters read in one batch, against reading them
/// one promotion at a time with <see cref="IRedemptionLedger.GetUsageAsync"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LedgerBenchmarks
{
    private const int Promotions = 200;
    private const int Campaigns = 50;
    private const string Code = "BENCHCODE";

    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly RedemptionLimits _limits = new(100_000_000, 100_000_000, 1_000_000_000m, "EUR");
    private string _directory = null!;
    private ServiceProvider _services = null!;
    private IRedemptionLedger _ledger = null!;
    private IIdempotencyStore _keys = null!;
    private string[] _promotionIds = null!;
    private string[] _campaignIds = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        (_directory, _services) = EmbeddedServices.Create();
        _ledger = _services.GetRequiredService<IRedemptionLedger>();
        _keys = _services.GetRequiredService<IIdempotencyStore>();
        _promotionIds = [.. Enumerable.Range(0, Promotions).Select(i => $"prm_bench_{i:D3}")];
        _campaignIds = [.. Enumerable.Range(0, Campaigns).Select(i => $"cmp_bench_{i:D2}")];
        _services.GetRequiredService<ICodeStore>()
            .InsertAsync("cjb_bench", [new PromoCode("code_bench", _promotionIds[0], Code, 0, int.MaxValue, true, null)], default).GetAwaiter().GetResult();

        // Every counter the usage reads ask for exists, as in a catalog whose promotions have been redeemed.
        for (var i = 0; i < Promotions; i++)
        {
            var redemption = NewRedemption(_promotionIds[i], _campaignIds[i % Campaigns], code: null);
            if (!_ledger.RedeemAsync(new RedeemCommand(redemption, _limits), null, default).GetAwaiter().GetResult().IsSuccess)
            {
                throw new InvalidOperationException("The setup redemption was refused.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "take an idempotency lease (one small write)")]
    [BenchmarkCategory("Write")]
    public async Task<IdempotencyBegin> TakeLease() =>
        await _keys.BeginAsync("bench", "key-" + Interlocked.Increment(ref _next), "hash", default);

    [Benchmark(Description = "redeem: code, cap, customer limit, budget, record, event")]
    [BenchmarkCategory("Write")]
    public async Task<bool> Redeem()
    {
        var result = await _ledger.RedeemAsync(new RedeemCommand(NewRedemption(_promotionIds[0], _campaignIds[0], Code), _limits), null, default);
        return result.IsSuccess ? true : throw new InvalidOperationException(result.Errors[0].Code);
    }

    [Benchmark(Baseline = true, Description = "usage: 200 promotions one at a time")]
    [BenchmarkCategory("Usage")]
    public async Task<long> UsageOneByOne()
    {
        var total = 0L;
        for (var i = 0; i < Promotions; i++)
        {
            var usage = await _ledger.GetUsageAsync(_promotionIds[i], "cus_bench", _campaignIds[i % Campaigns], default);
            total += usage.PromotionRedemptions + usage.CustomerRedemptions;
        }

        return total;
    }

    [Benchmark(Description = "usage: 200 promotions, 50 budgets, one customer in one batch")]
    [BenchmarkCategory("Usage")]
    public async Task<long> UsageInOneBatch()
    {
        var usage = await _ledger.GetUsageBatchAsync(new UsageQuery(_promotionIds, _campaignIds, "cus_bench", _promotionIds), default);
        return usage.PromotionRedemptions.Values.Sum() + usage.CustomerRedemptions.Values.Sum();
    }

    private Redemption NewRedemption(string promotionId, string campaignId, string? code) =>
        new(Ids.New("rdm", _clock), promotionId, code is null ? null : "code_bench", "cus_bench", "web", _clock.GetUtcNow(),
            "order-" + Interlocked.Increment(ref _next), 100m, 10m, "EUR", [new LineAllocation("a", 6m), new LineAllocation("b", 4m)],
            RedemptionStatus.Confirmed)
        {
            CampaignId = campaignId,
            Code = code,
            Lines = [new RedeemedLine("a", 2, 6m), new RedeemedLine("b", 1, 4m)],
        };
}
