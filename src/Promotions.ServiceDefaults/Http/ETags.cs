using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Promotions.ServiceDefaults.Http;

/// <summary>Entity tags are the stored version in quotes; <c>If-Match</c> carries the version a client read.</summary>
public static class ETags
{
    public static string Format(long version) => $"\"{version}\"";

    public static void Set(HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Format(version);
    }

    /// <summary>The version named by <c>If-Match</c>; false when the header is absent or not one of ours.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out long version)
    {
        ArgumentNullException.ThrowIfNull(request);
        version = 0;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || !EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak)
        {
            return false;
        }

        return long.TryParse(tag.Tag.AsSpan().Trim('"'), out version) && version > 0;
    }
}
