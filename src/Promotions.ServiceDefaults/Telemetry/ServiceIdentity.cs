using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>The name a process reports as its <c>service</c> (spans' <c>service.name</c>, metrics' dimension).</summary>
internal sealed class ServiceIdentity(IOptions<TelemetryOptions> options, IHostEnvironment environment)
{
    public string Name { get; } = options.Value.ServiceName is { Length: > 0 } name ? name : FromApplication(environment.ApplicationName);

    /// <summary><c>Promotions.AdminApi</c> → <c>admin-api</c>: the project name without its prefix, in kebab case.</summary>
    public static string FromApplication(string applicationName)
    {
        ArgumentNullException.ThrowIfNull(applicationName);
        var name = applicationName.StartsWith("Promotions.", StringComparison.Ordinal) ? applicationName["Promotions.".Length..] : applicationName;
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }
}
