using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Reads a Cognito user pool's key set (<c>/.well-known/jwks.json</c>) as the configuration of the JWT handler:
/// the pool's RS256 keys and its issuer. It reads the key set directly rather than the OpenID discovery document,
/// because emulators serve only the key set; the configuration manager caches it and fetches it again when a
/// token names a key it does not know (Cognito rotates keys).
/// </summary>
internal sealed class JwksRetriever(string issuer) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        var keys = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel));
        var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JsonWebKeySet = keys };
        foreach (var key in keys.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        return configuration;
    }
}
