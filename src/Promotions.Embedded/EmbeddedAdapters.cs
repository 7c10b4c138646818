using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Promotions.Domain.Customers;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;
using Promotions.Embedded.Analytics;
using Promotions.Embedded.Assets;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.CodeAttempts;
using Promotions.Embedded.Codes;
using Promotions.Embedded.Customers;
using Promotions.Embedded.PersonalData;
using Promotions.Embedded.Plans;
using Promotions.Embedded.Promotions;
using Promotions.Embedded.Redemptions;
using Promotions.Embedded.Scheduling;
using Promotions.Embedded.Search;
using Promotions.Embedded.Segments;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded;

/// <summary>The one registration call of the embedded adapter set (SQLite, file system, in-process).</summary>
public static class EmbeddedAdapters
{
    /// <summary>
    /// Registers every storage port on one SQLite database under <see cref="EmbeddedOptions.DataDirectory"/>
    /// (section <c>Embedded</c>), migrated when the host starts; personal data is sealed with the key ring in the same
    /// folder (<c>keys/</c>).
    /// </summary>
    public static IServiceCollection AddEmbeddedAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbeddedOptions>()
            .Bind(configuration.GetSection(EmbeddedOptions.SectionName))
            .Validate(o => IsUsablePath(o.DataDirectory), "Embedded:DataDirectory must be a valid folder path.")
            .ValidateOnStart();

        services.AddSingleton(sp => new SqliteDatabase(ResolveDataDirectory(
            sp.GetRequiredService<IOptions<EmbeddedOptions>>().Value,
            sp.GetService<IHostEnvironment>())));
        services.AddHostedService<DatabaseInitializer>();

        services.AddSingleton<ICampaignStore, SqliteCampaignStore>();
        services.AddSingleton<ICampaignTypeStore, SqliteCampaignTypeStore>();
        services.AddSingleton<IPromotionStore, SqlitePromotionStore>();
        services.AddSingleton<IDueStepQuery, SqliteDueStepQuery>();
        services.AddSingleton<ICampaignPlanStore, SqliteCampaignPlanStore>();
        services.AddSingleton<ICodeDistributionStore, SqliteCodeDistributionStore>();
        services.AddSingleton<ISegmentStore, SqliteSegmentStore>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LocalKeyRing(sp.GetRequiredService<SqliteDatabase>().DataDirectory));
        services.AddSingleton<IPersonalDataKeyRing>(sp => sp.GetRequiredService<LocalKeyRing>());
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<CustomerPrivacy>();
        services.AddSingleton<SqliteCustomerStore>();
        services.AddSingleton<ICustomerStore>(sp => sp.GetRequiredService<SqliteCustomerStore>());
        services.AddHostedService<CustomerStoreInitializer>();
        services.AddSingleton<ICodeStore, SqliteCodeStore>();
        services.AddSingleton<ICodeJobStore, SqliteCodeJobStore>();
        services.AddSingleton<LocalUrlSigner>();
        services.AddSingleton<IAssetStore, FileAssetStore>();
        services.AddSingleton<ILocalAssetTransfers, LocalAssetTransfers>();
        services.AddSingleton<IPromotionSearch, SqlitePromotionSearch>();
        services.AddEmbeddedRedemption();
        services.AddEmbeddedCodeAttempts();
        services.AddEmbeddedAnalytics();
        return services;
    }

    private static string ResolveDataDirectory(EmbeddedOptions options, IHostEnvironment? environment) =>
        Path.IsPathRooted(options.DataDirectory) || environment is null
            ? options.DataDirectory
            : Path.Combine(environment.ContentRootPath, options.DataDirectory);

    private static bool IsUsablePath(string? path) =>
        !string.IsNullOrWhiteSpace(path) && path.IndexOfAny(Path.GetInvalidPathChars()) < 0;
}
