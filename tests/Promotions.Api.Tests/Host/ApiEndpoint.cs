using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// One routed endpoint of the running app, as read from its <see cref="EndpointDataSource"/>: endpoints added
/// by any service later are picked up by every test that walks this list.
/// </summary>
public sealed partial record ApiEndpoint(
    string Method,
    string Pattern,
    IReadOnlyList<string> RouteParameters,
    IReadOnlyList<string> Policies,
    bool AllowsAnonymous,
    Type? BodyType,
    IReadOnlyList<string> ContentTypes,
    IReadOnlyList<string> QueryParameters,
    bool IsSignedUrl = false)
{
    private static readonly string[] Infrastructure = ["/health", "/openapi", "/scalar", "/ping", "/config.json"];

    /// <summary>True for the endpoints that are anonymous by design.</summary>
    public bool IsInfrastructure => Infrastructure.Any(p => Pattern.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    /// <summary>True when the endpoint reads JSON (or declares nothing, which minimal APIs treat as JSON).</summary>
    public bool AcceptsJson => ContentTypes.Count == 0 || ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The content type a well-behaved client sends: routing refuses others with 415 before authorization.</summary>
    public string RequestContentType => ContentTypes.Count > 0 ? ContentTypes[0] : "application/json";

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>Every method × route of the app.</summary>
    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(From)
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    /// <summary>The URL with every route parameter replaced by <paramref name="value"/> (already escaped).</summary>
    public string Url(string value = "dummy") => RouteParameter().Replace(Pattern, _ => value);

    private static IEnumerable<ApiEndpoint> From(RouteEndpoint endpoint)
    {
        // Groups leave a trailing slash on their root routes ("/admin/campaigns/"); OpenAPI and clients use it without.
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
        var routeParameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToArray();
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToArray();
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var signedUrl = endpoint.Metadata.GetMetadata<SignedUrlAuthorization>() is not null;
        var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
        var contentTypes = accepts?.ContentTypes.ToArray() ?? [];
        var query = QueryParametersOf(endpoint, routeParameters);
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
        return methods.Where(m => m != "HEAD" && m != "OPTIONS").Select(m =>
            new ApiEndpoint(m, pattern, routeParameters, policies, anonymous, accepts?.RequestType, contentTypes, query, signedUrl));
    }

    // Minimal APIs bind simple parameters that are not route values from the query string.
    private static string[] QueryParametersOf(RouteEndpoint endpoint, string[] routeParameters) =>
        endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters()
            .Where(p => p.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterType) is not null || p.ParameterType.IsPrimitive)
            .Select(p => p.Name!)
            .Where(n => !routeParameters.Contains(n, StringComparer.OrdinalIgnoreCase))
            .ToArray() ?? [];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
