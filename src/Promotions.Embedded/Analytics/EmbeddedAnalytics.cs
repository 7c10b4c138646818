using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Analytics;
using Promotions.Embedded.Dispatch;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>Registration of the embedded analytics adapters and of the in-process event delivery that feeds them.</summary>
public static class EmbeddedAnalytics
{
    /// <summary>
    /// Registers the SQLite analytics store (its own file, <see cref="AnalyticsDatabase.FileName"/>, migrated at start), the analytics consumer and the in-process dispatcher (options
    /// in <c>Embedded:Dispatch</c>). Needs the database of <see cref="EmbeddedAdapters.AddEmbeddedAdapters"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddedAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new AnalyticsDatabase(sp.GetRequiredService<SqliteDatabase>()));
        services.AddHostedService<AnalyticsDatabaseInitializer>();
        services.TryAddSingleton<IAnalyticsStore, SqliteAnalyticsStore>();
        services.TryAddSingleton<AnalyticsConsumer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventConsumer, AnalyticsConsumer>(sp => sp.GetRequiredService<AnalyticsConsumer>()));
        services.AddEventDispatcher();
        return services;
    }
}
