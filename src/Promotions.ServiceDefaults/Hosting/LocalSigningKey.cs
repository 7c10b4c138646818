using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Promotions.Embedded;
using Promotions.Embedded.Storage;
using Promotions.ServiceDefaults.Adapters;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.ServiceDefaults.Hosting;

/// <summary>
/// The signing key of a developer machine: when neither <c>Auth:SigningKey</c> nor a Cognito user pool
/// (<c>Auth:Cognito:UserPoolId</c>) is set, a random key is created once in the data directory (owner-only, mode 600) and used from then on,
/// so tokens minted by <c>token</c> keep working across restarts without anyone pasting a secret into config.
/// The local host uses it, and every service run alone on the embedded adapters (<see cref="AdapterSelection.AddPromotionsAdapters"/>),
/// so with the same data directory (the default, <c>.data</c> at the repository root) one token works with all of them.
/// </summary>
public static class LocalSigningKey
{
    public const string FileName = "dev-signing-key";

    /// <summary>
    /// Applies the key file at start. Services register it with the embedded adapters only, so a function on AWS that
    /// lacks its Cognito settings still stops at start and says so.
    /// </summary>
    public static IServiceCollection AddLocalSigningKey(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().PostConfigure<IConfiguration, IHostEnvironment>((auth, configuration, environment) =>
            Apply(auth, configuration, environment.ContentRootPath));
        return services;
    }

    /// <summary>Fills <see cref="AuthOptions.SigningKey"/> from the key file when configuration left it empty.</summary>
    public static void Apply(AuthOptions auth, IConfiguration configuration, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(auth.SigningKey) && !auth.UsesCognito)
        {
            auth.SigningKey = LoadOrCreate(DataDirectory(configuration, contentRoot));
        }
    }

    /// <summary>The data directory of the embedded store, resolved the way the store resolves it.</summary>
    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetSection(EmbeddedOptions.SectionName).Get<EmbeddedOptions>()?.DataDirectory;
        return Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(configured) ? ".data" : configured));
    }

    /// <summary>Reads the key file in <paramref name="dataDirectory"/>, creating it first if there is none.</summary>
    public static string LoadOrCreate(string dataDirectory) => KeyFile.LoadOrCreate(Path.Combine(dataDirectory, FileName));

    /// <summary>The effective auth options of a configuration, with the local key applied (for the token command).</summary>
    public static AuthOptions Resolve(IConfiguration configuration, string contentRoot)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        Apply(auth, configuration, contentRoot);
        return auth;
    }
}
