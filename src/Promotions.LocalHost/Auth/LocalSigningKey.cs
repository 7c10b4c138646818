using Promotions.Embedded;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.LocalHost.Auth;

/// <summary>
/// The signing key of a developer machine: when <c>Auth:SigningKey</c> and <c>Auth:Authority</c> are both
/// unset, a random key is created once in the data directory (owner-only, mode 600) and used from then on,
/// so tokens minted by <c>token</c> keep working across restarts without anyone pasting a secret into config.
/// </summary>
internal static class LocalSigningKey
{
    public const string FileName = "dev-signing-key";

    public static IServiceCollection AddLocalSigningKey(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().PostConfigure<IConfiguration, IHostEnvironment>(
            (auth, configuration, environment) => Apply(auth, configuration, environment.ContentRootPath));
        return services;
    }

    /// <summary>Fills <see cref="AuthOptions.SigningKey"/> from the key file when configuration left it empty.</summary>
    public static void Apply(AuthOptions auth, IConfiguration configuration, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(auth.SigningKey) && string.IsNullOrWhiteSpace(auth.Authority))
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
    public static string LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(dataDirectory);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(DevTokens.NewSigningKey());
        }

        try
        {
            // The move is atomic and refuses to overwrite: when two processes start at once, the first key
            // written wins and both read it, so neither signs with a key the other does not accept.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path).Trim();
    }

    /// <summary>The effective auth options of a configuration, with the local key applied (for the token command).</summary>
    public static AuthOptions Resolve(IConfiguration configuration, string contentRoot)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        Apply(auth, configuration, contentRoot);
        return auth;
    }
}
