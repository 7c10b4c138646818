using Microsoft.Extensions.Options;
using Promotions.ServiceDefaults.Adapters;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.LocalHost.Portal;

/// <summary>
/// Whether the host offers the portal's development sign-in: only on the embedded adapters with the local
/// signing key (no Cognito user pool). Anywhere else tokens come from Cognito, and <c>/dev/token</c> does not exist.
/// </summary>
internal static class DevSignIn
{
    public static bool IsOffered(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        return AdapterSelection.ModeOf(configuration) == AdapterMode.Embedded
            && !auth.UsesCognito
            && !string.IsNullOrWhiteSpace(auth.SigningKey);
    }
}
