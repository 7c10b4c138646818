using Promotions.AdminApi;
using Promotions.Analytics;
using Promotions.Domain.Analytics;
using Promotions.Domain.Ports;
using Promotions.Embedded;
using Promotions.Embedded.Analytics;
using Promotions.Embedded.Redemptions;
using Promotions.ServiceDefaults;

namespace Promotions.CrashHost;

/// <summary>
/// The embedded composition the crash tests kill: the redemption ledger and its outbox, the in-process
/// dispatcher and Analytics, on one data directory, plus an endpoint that records a redemption through the
/// ledger port, and the Admin API with its scheduler. With <c>Crash:AfterConsume</c> a second consumer kills the process
/// right after Analytics has accepted an event and before the dispatcher can mark it; with <c>Crash:PlanStep</c>
/// (<c>before</c> or <c>after</c>) the process dies around the first plan step it writes, and with
/// <c>Crash:DistributionBatch</c> around the second batch of a code distribution.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPromotionsDefaults();
        builder.Services.AddEmbeddedAdapters(builder.Configuration);
        builder.Services.AddEmbeddedRedemption();
        builder.Services.AddEmbeddedAnalytics();
        builder.Services.AddAnalyticsApi();
        builder.Services.AddAdminApi();
        if (builder.Configuration["Crash:PlanStep"] is { Length: > 0 } when)
        {
            // Wraps the embedded plan store, whatever its type, so the kill lands around its real transaction.
            var store = builder.Services.Last(d => d.ServiceType == typeof(ICampaignPlanStore));
            builder.Services.AddSingleton<ICampaignPlanStore>(sp => new KillAroundPlanStep(
                (ICampaignPlanStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!), when));
        }
        if (builder.Configuration["Crash:DistributionBatch"] is { Length: > 0 } around)
        {
            var store = builder.Services.Last(d => d.ServiceType == typeof(ICodeDistributionStore));
            builder.Services.AddSingleton<ICodeDistributionStore>(sp => new KillAroundDistributionBatch(
                (ICodeDistributionStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!), around));
        }

        if (builder.Configuration.GetValue<bool>("Crash:AfterConsume"))
        {
            // Consumers are called in registration order, so this one runs after Analytics.
            builder.Services.AddSingleton<IEventConsumer, KillAfterConsume>();
        }

        var app = builder.Build();
        app.UsePromotionsDefaults();
        app.MapAnalyticsApi();
        app.MapAdminApi();
        app.MapLedgerRedemption();
        app.Run();
    }
}
