using Amazon.Runtime;
using Promotions.Aws.Signing;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// Signs each request with SigV4 (<see cref="SigV4Signer"/>) for <paramref name="service"/> in <paramref name="region"/>:
/// what X-Ray's OTLP endpoint needs. The credentials are the SDK's default chain (on Lambda, the function role's session
/// from the environment), read per request so a rotated session is picked up.
/// </summary>
internal sealed class SigV4Handler(string region, string service, Func<AWSCredentials> credentials, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var keys = await credentials().GetCredentialsAsync();

        // A retried request is signed afresh.
        request.Headers.Remove("Authorization");
        request.Headers.Remove("x-amz-date");
        request.Headers.Remove("x-amz-security-token");
        await SigV4Signer.SignAsync(request, keys, region, service, clock.GetUtcNow(), cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
