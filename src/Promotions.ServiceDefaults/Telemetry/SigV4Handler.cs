using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>
/// Signs each request with SigV4 (AWSSDK.Core's signer, over the request's own bytes) for <paramref name="service"/>
/// in <paramref name="region"/>: what X-Ray's OTLP endpoint needs. Signed: <c>host</c>, <c>x-amz-date</c>, the content
/// type and the session token; checked against AWS's published SigV4 test vectors. The credentials are the SDK's default chain (on
/// Lambda, the function role's session from the environment), read per request so a rotated session is picked up.
/// </summary>
internal sealed class SigV4Handler(string region, string service, Func<AWSCredentials> credentials, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var keys = await credentials().GetCredentialsAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var uri = request.RequestUri ?? throw new InvalidOperationException("A signed request needs an absolute URI.");
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
            ["x-amz-date"] = amzDate,
        };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        if (keys.UseToken)
        {
            headers["x-amz-security-token"] = keys.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = string.Join('\n',
            request.Method.Method, uri.AbsolutePath, CanonicalQuery(uri), string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders, payloadHash);
        var signature = AWS4Signer.ComputeSignature(keys, region, now, service, signedHeaders, canonical);
        foreach (var (name, value) in headers.Where(h => h.Key is not ("host" or "content-type")))
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return await base.SendAsync(request, cancellationToken);
    }

    // Parameters sorted by name, then value; the URI keeps them encoded as sent (X-Ray's endpoint takes none).
    private static string CanonicalQuery(Uri uri) =>
        string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
}
