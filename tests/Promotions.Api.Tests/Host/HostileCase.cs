using System.Text;

namespace Promotions.Api.Tests.Host;

/// <summary>One malformed or hostile request, described so a failure names exactly what was sent.</summary>
public sealed record HostileCase(string Name, string Method, string Url, byte[]? Body = null, string? ContentType = "application/json", string? IfMatch = null)
{
    public static HostileCase Json(string name, string method, string url, string body, string? ifMatch = null) =>
        new(name, method, url, Encoding.UTF8.GetBytes(body), "application/json", ifMatch);

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        return request;
    }

    public override string ToString() => $"{Name}: {Method} {(Url.Length > 120 ? Url[..120] + "…" : Url)}";
}
