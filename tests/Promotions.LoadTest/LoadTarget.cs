using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Promotions.LoadTest;

/// <summary>
/// One endpoint to load: how to build its <c>n</c>-th request (a body per request, and a unique
/// <c>Idempotency-Key</c> for mutating endpoints), the statuses that count as answers, and a tally of every
/// status it got in the run (check and warm-up included), which the oversell check compares with the ledger.
/// </summary>
internal sealed class LoadTarget
{
    private readonly Func<long, string>? _body;
    private readonly string? _idempotencyPrefix;
    private readonly ConcurrentDictionary<int, long> _tally = new();
    private byte[]? _fixedBody;
    private long _sequence;

    public LoadTarget(
        string name, HttpMethod method, string path, Func<long, string>? body = null, string? idempotencyPrefix = null,
        params HttpStatusCode[] expected)
    {
        Name = name;
        Method = method;
        Path = path;
        _body = body;
        _idempotencyPrefix = idempotencyPrefix;
        Expected = expected.Length == 0 ? [HttpStatusCode.OK] : expected;
    }

    /// <summary>The short name <c>--targets</c> selects it by.</summary>
    public required string Key { get; init; }

    public string Name { get; }

    public HttpMethod Method { get; }

    public string Path { get; }

    public IReadOnlyList<HttpStatusCode> Expected { get; }

    /// <summary>Every status answered so far (0: no answer: a timeout or a broken connection).</summary>
    public IReadOnlyDictionary<int, long> Tally => _tally;

    /// <summary>A target whose every request is the same.</summary>
    public static LoadTarget Static(string key, HttpMethod method, string path, string? json = null) =>
        new($"{method} {path}", method, path) { Key = key, _fixedBody = json is null ? null : Encoding.UTF8.GetBytes(json) };

    /// <summary>The next request: each has its own sequence number, so keys and order ids never repeat in a run.</summary>
    public HttpRequestMessage CreateRequest(string token)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var request = new HttpRequestMessage(Method, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (_idempotencyPrefix is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", _idempotencyPrefix + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if ((_fixedBody ?? (_body is null ? null : Encoding.UTF8.GetBytes(_body(sequence)))) is { } bytes)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    /// <summary>Sends one request and fails with its answer unless it is the first expected status, so a broken target is not measured.</summary>
    public async Task CheckAsync(HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = CreateRequest(token);
        using var response = await client.SendAsync(request);
        Record((int)response.StatusCode);
        if (response.StatusCode != Expected[0])
        {
            throw new InvalidOperationException($"{Name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Counts the answer; true when it is one of the expected statuses.</summary>
    public bool Record(int status)
    {
        _tally.AddOrUpdate(status, 1, static (_, n) => n + 1);
        return Expected.Contains((HttpStatusCode)status);
    }
}
