using Microsoft.AspNetCore.Builder;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>Declares an endpoint authorized by its URL's signature.</summary>
public static class SignedUrlEndpoints
{
    public static TBuilder AuthorizedBySignedUrl<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AllowAnonymous().WithMetadata(SignedUrlAuthorization.Instance);
        return builder;
    }
}
