using Microsoft.Extensions.Options;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.LocalHost.Demo;

/// <summary>
/// Stores the demo catalog through the ports, before the host starts listening. Fixed ids make it
/// idempotent: an item that exists is reported as a duplicate by the store and left untouched, so a second
/// run (or a run after edits in the UI) changes nothing.
/// </summary>
internal sealed partial class DemoSeeder(
    ICampaignTypeStore campaignTypes,
    ISegmentStore segments,
    ICustomerStore customers,
    ICampaignStore campaigns,
    IPromotionStore promotions,
    IPromotionSearch search,
    ICodeStore codes,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    /// <summary>Seeds what is missing; returns how many items were added.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var data = DemoCatalog.Create(clock.GetUtcNow());
        var added = 0;
        foreach (var item in data.CampaignTypes)
        {
            added += Count((await campaignTypes.CreateAsync(item, ct)).Status);
        }

        foreach (var item in data.Segments)
        {
            added += Count((await segments.CreateAsync(item, ct)).Status);
        }

        foreach (var item in data.Customers)
        {
            added += Count((await customers.CreateAsync(item, ct)).Status);
        }

        foreach (var item in data.Campaigns)
        {
            added += Count((await campaigns.CreateAsync(item, ct)).Status);
        }

        foreach (var item in data.Promotions)
        {
            var created = item with { Version = 1 };
            var written = await promotions.CreateAsync(created, CatalogEvents.PromotionWritten(null, created, clock), ct);
            added += Count(written.Status);
            if (written is { Status: WriteStatus.Written, Value: { } stored })
            {
                await search.IndexAsync(stored, ct);
            }
        }

        // One demo job per promotion, with a fixed id like every demo item, so its codes_generated events name it.
        var job = 0;
        foreach (var batch in data.Codes.GroupBy(c => c.PromotionId, StringComparer.Ordinal))
        {
            added += (await codes.InsertAsync(DemoIds.Of("cjb", ++job), [.. batch], ct)).Inserted;
        }

        LogSeeded(logger, added);
        return added;
    }

    private static int Count(WriteStatus status) => status == WriteStatus.Written ? 1 : 0;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Added} items added (existing items are kept as they are).")]
    private static partial void LogSeeded(ILogger logger, int added);

    /// <summary>Runs the seeder at start when <c>Demo:Seed</c> is true.</summary>
    internal sealed class AtStart(IServiceProvider services, IOptions<DemoOptions> options) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Seed)
            {
                await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
