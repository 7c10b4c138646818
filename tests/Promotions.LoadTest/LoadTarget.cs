using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Promotions.LoadTest;

/// <summary>One endpoint to load: how to build its request, and the status a success answers with.</summary>
internal sealed record LoadTarget(string Name, HttpMethod Method, string Path, string? JsonBody = null, HttpStatusCode Expected = HttpStatusCode.OK)
{
    private readonly byte[]? _body = JsonBody is null ? null : Encoding.UTF8.GetBytes(JsonBody);

    public HttpRequestMessage CreateRequest(string token)
    {
        var request = new HttpRequestMessage(Method, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (_body is not null)
        {
            request.Content = new ByteArrayContent(_body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }
}
