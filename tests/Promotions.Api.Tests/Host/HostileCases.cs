using System.Buffers.Text;
using System.Text;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Generates the hostile requests over the app's own endpoint list: bodies (see <see cref="HostileBodies"/>),
/// query values, ids in the path. Every case is one that must not be stored: route values are ids that do not
/// exist, and text with SQL or FTS metacharacters goes only where it is read, never written.
/// </summary>
internal static class HostileCases
{
    /// <summary>
    /// Ids an attacker might put in a path: traversal, SQL, bidi control, very long. (A NUL in the path is refused by
    /// the server's request-line decoder before any app code runs, so it is not sent here.)
    /// </summary>
    public static readonly string[] PathIds =
    [
        "..%2F..%2F..%2Fetc%2Fpasswd",
        "..%5C..%5Cwindows%5Cwin.ini",
        "%27%20OR%20%271%27%3D%271",
        "%E2%80%AEevil",
        "cmp_%2A",
        new string('a', 3000),
    ];

    /// <summary>Query values: out of range, not a number, forged cursors, SQL and FTS5 syntax.</summary>
    public static readonly string[] QueryValues =
    [
        "-1",
        "0",
        "abc",
        "201",
        "99999999999999999999",
        "1e3",
        "\"",
        "*",
        "NEAR(a b)",
        "a OR b AND -c",
        "name:x^",
        "' OR 1=1; DROP TABLE promotions; --",
        "%_%",
        "\u0000",
        "../../etc/passwd",
        "!!!not-base64!!!",
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v2:zzz")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("v1:' OR 1=1 --")),
        new string('q', 5000),
    ];

    public static IEnumerable<HostileCase> Generate(IReadOnlyList<ApiEndpoint> endpoints)
    {
        foreach (var endpoint in endpoints.Where(e => !e.IsInfrastructure))
        {
            var url = endpoint.Url();
            if (endpoint.HasBody && endpoint.AcceptsJson)
            {
                foreach (var body in HostileBodies.For(endpoint, url))
                {
                    yield return body;
                }
            }

            if (endpoint.Method == "GET")
            {
                foreach (var parameter in endpoint.QueryParameters)
                {
                    foreach (var value in QueryValues)
                    {
                        yield return new HostileCase($"GET {endpoint.Pattern} ?{parameter}={Show(value)}", "GET",
                            $"{url}?{parameter}={Uri.EscapeDataString(value)}", null, null);
                    }
                }
            }

            if (endpoint.RouteParameters.Count > 0)
            {
                foreach (var id in PathIds)
                {
                    var body = endpoint.HasBody ? Encoding.UTF8.GetBytes("{}") : null;
                    yield return new HostileCase($"{endpoint} id={Show(id)}", endpoint.Method, endpoint.Url(id), body,
                        body is null ? null : "application/json", "\"1\"");
                }
            }
        }
    }

    private static string Show(string value) => value.Length > 40 ? $"{value[..20]}…({value.Length} chars)" : value;
}
