namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Marks an endpoint that a presigned URL authorizes rather than a token (the embedded store's stand-in for S3's
/// presigned uploads and downloads): it names no policy, and its handler refuses any request whose signature
/// does not check. These are the only anonymous endpoints besides health, OpenAPI and the API reference.
/// </summary>
public sealed class SignedUrlAuthorization
{
    private SignedUrlAuthorization()
    {
    }

    public static SignedUrlAuthorization Instance { get; } = new();
}
