using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// What the AWS Lambda Web Adapter does with an API Gateway HTTP API event (payload format 2.0), done in the
/// test: the event becomes an HTTP request to the app (method, raw path and query, headers, cookies, body
/// decoded from base64 when flagged) carrying the request context in <c>x-amzn-request-context</c>, and the
/// app's response becomes the Lambda response object. A non-HTTP event is POSTed as it is to the pass-through
/// path with <c>x-amzn-request-context: null</c>, as the adapter does.
/// </summary>
public static class WebAdapterShim
{
    public const string RequestContextHeader = "x-amzn-request-context";

    /// <summary>Delivers an HTTP API event to the app; returns the Lambda response (statusCode, headers, body).</summary>
    public static async Task<JsonObject> InvokeHttpApiAsync(HttpClient app, string eventJson, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var e = JsonNode.Parse(eventJson)!.AsObject();
        var context = e["requestContext"]!.AsObject();
        var method = new HttpMethod(context["http"]!["method"]!.GetValue<string>());
        var query = e["rawQueryString"]?.GetValue<string>() is { Length: > 0 } q ? "?" + q : "";
        using var request = new HttpRequestMessage(method, e["rawPath"]!.GetValue<string>() + query);

        byte[]? body = null;
        if (e["body"]?.GetValue<string>() is { } text)
        {
            body = e["isBase64Encoded"]?.GetValue<bool>() == true ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in e["headers"]?.AsObject() ?? [])
        {
            var headerValue = value!.GetValue<string>();
            if (!request.Headers.TryAddWithoutValidation(name, headerValue))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, headerValue);
            }
        }

        if (e["cookies"] is JsonArray cookies && cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("cookie", string.Join("; ", cookies.Select(c => c!.GetValue<string>())));
        }

        // The adapter overwrites whatever a client sent under these names.
        request.Headers.Remove(RequestContextHeader);
        request.Headers.TryAddWithoutValidation(RequestContextHeader, context.ToJsonString());

        using var response = await app.SendAsync(request, ct);
        var headers = new JsonObject();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name.ToLowerInvariant()] = string.Join(",", values);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var isText = response.Content.Headers.ContentType?.MediaType is { } media
            && (media.StartsWith("text/", StringComparison.Ordinal) || media.Contains("json", StringComparison.Ordinal));
        return new JsonObject
        {
            ["statusCode"] = (int)response.StatusCode,
            ["headers"] = headers,
            ["body"] = isText ? Encoding.UTF8.GetString(bytes) : Convert.ToBase64String(bytes),
            ["isBase64Encoded"] = !isText,
        };
    }

    /// <summary>Delivers a non-HTTP event (SQS batch, stream batch, schedule) to the pass-through path.</summary>
    public static async Task<HttpResponseMessage> InvokePassThroughAsync(HttpClient app, string passThroughPath, string eventJson, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, passThroughPath)
        {
            Content = new StringContent(eventJson, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.TryAddWithoutValidation(RequestContextHeader, "null");
        return await app.SendAsync(request, ct);
    }

    /// <summary>
    /// The sample event of the HTTP API payload format 2.0, as AWS documents it, for one request: the route key is
    /// <c>METHOD path</c> unless the matched route's is given; <paramref name="headers"/> (lower-case names, as API
    /// Gateway passes them) are added or replace the sample's.
    /// </summary>
    public static string HttpApiEvent(
        string method, string path, string? body, string bearerToken, string apiId = "api1234567", string? query = null,
        string? routeKey = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var sample = new JsonObject
        {
            ["accept"] = "application/json",
            ["authorization"] = "Bearer " + bearerToken,
            ["content-length"] = (body is null ? 0 : Encoding.UTF8.GetByteCount(body)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["host"] = $"{apiId}.execute-api.us-east-1.amazonaws.com",
            ["user-agent"] = "checkout/1.0",
            ["x-amzn-trace-id"] = "Root=1-5e66d96f-7491f09xmpl79d18acf3d050",
            ["x-forwarded-for"] = "203.0.113.10",
            ["x-forwarded-port"] = "443",
            ["x-forwarded-proto"] = "https",
        };
        if (body is not null)
        {
            sample["content-type"] = "application/json";
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            sample[name] = value;
        }

        routeKey ??= $"{method} {path}";
        var e = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = routeKey,
            ["rawPath"] = path,
            ["rawQueryString"] = query ?? "",
            ["headers"] = sample,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = apiId,
                ["authorizer"] = new JsonObject { ["jwt"] = new JsonObject { ["claims"] = new JsonObject(), ["scopes"] = null } },
                ["domainName"] = $"{apiId}.execute-api.us-east-1.amazonaws.com",
                ["domainPrefix"] = apiId,
                ["http"] = new JsonObject
                {
                    ["method"] = method,
                    ["path"] = path,
                    ["protocol"] = "HTTP/1.1",
                    ["sourceIp"] = "203.0.113.10",
                    ["userAgent"] = "checkout/1.0",
                },
                ["requestId"] = "JKJaXmPLvHcESHA=",
                ["routeKey"] = routeKey,
                ["stage"] = "$default",
                ["time"] = "10/Mar/2026:13:40:52 +0000",
                ["timeEpoch"] = 1773150052000,
            },
            ["isBase64Encoded"] = false,
        };
        if (body is not null)
        {
            e["body"] = body;
        }

        return e.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
