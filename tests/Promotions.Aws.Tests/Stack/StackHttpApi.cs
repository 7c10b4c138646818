using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The stack's HTTP API as API Gateway runs it: a request is matched against the routes of the translated
/// template (the OpenAPI body SAM generates: an exact path before a greedy <c>{proxy+}</c>, the longest greedy
/// prefix first, a route's own method before <c>ANY</c>), becomes the payload 2.0 event of the matched route,
/// and reaches the integrated function as the Lambda Web Adapter hands it to the app. A request no route
/// matches is API Gateway's 404. The JWT authorizer is not run (moto runs no authorizer): the services check
/// every token themselves, and <see cref="JwtAuthorizer"/> shows what the authorizer would check.
/// </summary>
public sealed partial class StackHttpApi
{
    private const string AnyMethod = "x-amazon-apigateway-any-method";

    private readonly IReadOnlyList<Route> _routes;
    private readonly IReadOnlyDictionary<string, StackFunction> _functions;
    private readonly Dictionary<string, JsonNode> _authorizers = new(StringComparer.Ordinal);

    public StackHttpApi(JsonElement template, IReadOnlyDictionary<string, StackFunction> functions)
    {
        _functions = functions;
        var routes = new List<Route>();
        foreach (var (_, api) in TemplateValues.Resources(template).Where(r => (string?)r.Value!["Type"] == "AWS::ApiGatewayV2::Api"))
        {
            foreach (var (name, scheme) in api!["Properties"]?["Body"]?["components"]?["securitySchemes"]?.AsObject() ?? [])
            {
                _authorizers[name] = scheme!["x-amazon-apigateway-authorizer"]!;
            }

            foreach (var (path, methods) in api["Properties"]?["Body"]?["paths"]?.AsObject() ?? [])
            {
                foreach (var (method, operation) in methods!.AsObject())
                {
                    var uri = (string?)operation?["x-amazon-apigateway-integration"]?["uri"]?["Fn::Sub"] ?? "";
                    var function = FunctionArn().Match(uri);
                    Assert.True(function.Success, $"route {method} {path} integrates no function of the stack: {uri}");
                    var authorizer = operation!["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(p => p.Key)).SingleOrDefault();
                    routes.Add(new Route(method == AnyMethod ? "ANY" : method.ToUpperInvariant(), path, function.Groups[1].Value, authorizer));
                }
            }
        }

        _routes = routes;
    }

    /// <summary>The route API Gateway picks for a request, or null (a 404).</summary>
    public (string RouteKey, string Function)? Match(string method, string path)
    {
        var candidates = _routes.Where(r => r.Method == method || r.Method == "ANY").ToList();
        var exact = candidates.Where(r => r.Path == path);
        var greedy = candidates
            .Where(r => r.Path.EndsWith("/{proxy+}", StringComparison.Ordinal))
            .Where(r => path.Length > r.Prefix.Length && path.StartsWith(r.Prefix, StringComparison.Ordinal))
            .OrderByDescending(r => r.Prefix.Length);
        var route = exact.OrderBy(r => r.Method == "ANY").Concat(greedy.ThenBy(r => r.Method == "ANY")).FirstOrDefault();
        return route is null ? null : ($"{route.Method} {route.Path}", route.Function);
    }

    /// <summary>The authorizer of every route (null for a route without one).</summary>
    public IEnumerable<string?> RouteAuthorizers => _routes.Select(r => r.Authorizer);

    /// <summary>
    /// The JWT authorizer named <paramref name="name"/>, resolved against <paramref name="names"/>: what API Gateway
    /// would check before a request reaches a function (moto does not run it).
    /// </summary>
    public (string Issuer, IReadOnlyList<string> Audience) JwtAuthorizer(string name, IReadOnlyDictionary<string, string> names)
    {
        var authorizer = _authorizers[name];
        Assert.Equal("jwt", (string?)authorizer["type"]);
        Assert.Equal("$request.header.Authorization", (string?)authorizer["identitySource"]);
        var configuration = TemplateValues.Resolve(authorizer["jwtConfiguration"], names)!;
        return (TemplateValues.Text(configuration["issuer"]), [.. configuration["audience"]!.AsArray().Select(TemplateValues.Text)]);
    }

    public async Task<HttpApiAnswer> SendAsync(
        string method, string path, string token, string? body = null, IReadOnlyDictionary<string, string>? headers = null, string? query = null)
    {
        if (Match(method, path) is not { } route)
        {
            return new HttpApiAnswer($"{method} {path}", 404, new JsonObject { ["content-type"] = "application/json" }, "{\"message\":\"Not Found\"}");
        }

        var e = WebAdapterShim.HttpApiEvent(method, path, body, token, query: query, routeKey: route.RouteKey, headers: headers);
        var response = await WebAdapterShim.InvokeHttpApiAsync(_functions[route.Function].Client, e);
        return new HttpApiAnswer($"{method} {path}", (int)response["statusCode"]!, response["headers"]!.AsObject(), (string)response["body"]!);
    }

    /// <summary>A JSON request; <paramref name="headers"/> as API Gateway passes them (lower-case names).</summary>
    public Task<HttpApiAnswer> SendJsonAsync(string method, string path, string token, object body, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(method, path, token, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), headers);

    [GeneratedRegex(@"\$\{(\w+)\.Arn\}")]
    private static partial Regex FunctionArn();

    private sealed record Route(string Method, string Path, string Function, string? Authorizer)
    {
        public string Prefix => Path[..^"{proxy+}".Length];
    }
}
