using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The HTTP stack of the test clients. moto answers each request on its own thread but does not isolate requests from
/// one another: a conditional put checks and then writes with other requests running in between, and a cancelled
/// transaction restores a copy of the whole table taken when it started, erasing what others committed meanwhile.
/// DynamoDB applies each request atomically; to give moto that property the tests send it one request at a time
/// (one gate for the whole process, since all test classes share one moto; <see cref="OneAtATime"/>). The code under test still races: its
/// tasks interleave their reads, writes and retries exactly as they would against DynamoDB. Every request and its
/// answer are also written to a <see cref="RequestLog"/>.
/// </summary>
public sealed class MotoHttpClientFactory(RequestLog log, bool oneAtATime) : HttpClientFactory
{
    private static readonly OneAtATime Gate = new();
    private readonly string _instance = Guid.NewGuid().ToString("N");

    // No client timeout: a request may wait long at the gate behind a race's hundreds of others, which is not the
    // server being slow; a request that really hangs is stopped by the test run's own timeout.
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new Logged(log, oneAtATime) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };

    // Each factory has its own log, so the SDK must not share one factory's client with another's.
    public override string GetConfigUniqueString(IClientConfig clientConfig) => base.GetConfigUniqueString(clientConfig) + _instance;

    private sealed class Logged(RequestLog log, bool oneAtATime) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First().Split('.')[^1] : request.Method.Method;
            if (log.TakeStep(operation) is { } step)
            {
                await step();
            }

            if (oneAtATime)
            {
                await Gate.EnterAsync();
            }

            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                log.Add(new LoggedRequest(operation, (int)response.StatusCode, await ErrorTypeAsync(response, cancellationToken)));
                return response;
            }
            finally
            {
                if (oneAtATime)
                {
                    Gate.Exit();
                }
            }
        }

        private static async Task<string?> ErrorTypeAsync(HttpResponseMessage response, CancellationToken ct)
        {
            if (response.IsSuccessStatusCode || response.Content.Headers.ContentType is not MediaTypeHeaderValue)
            {
                return null;
            }

            // Buffered, so the SDK reads the same body after the log did.
            await response.Content.LoadIntoBufferAsync(ct);
            try
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                return body.RootElement.TryGetProperty("__type", out var type) ? type.GetString()?.Split('#')[^1] : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
