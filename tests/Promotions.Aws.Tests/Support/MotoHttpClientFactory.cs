using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// The HTTP stack of the test clients: every request and its answer are written to a <see cref="RequestLog"/>, and a
/// test's step can run just before a chosen request. Requests go to moto concurrently; the emulator itself runs them
/// one at a time (<see cref="Emulator"/>), which makes each as atomic as on DynamoDB for every client at once, so the
/// code under test still races at request granularity.
/// </summary>
public sealed class MotoHttpClientFactory(RequestLog log) : HttpClientFactory
{
    private readonly string _instance = Guid.NewGuid().ToString("N");

    // No client timeout: a request may wait long in moto's queue behind a race's hundreds of others, which is not the
    // server being slow; a request that really hangs is stopped by the test run's own timeout.
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new Logged(log) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };

    // Each factory has its own log, so the SDK must not share one factory's client with another's.
    public override string GetConfigUniqueString(IClientConfig clientConfig) => base.GetConfigUniqueString(clientConfig) + _instance;

    private sealed class Logged(RequestLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First().Split('.')[^1] : request.Method.Method;
            if (log.TakeStep(operation) is { } step)
            {
                await step();
            }

            var response = await base.SendAsync(request, cancellationToken);
            log.Add(new LoggedRequest(operation, (int)response.StatusCode, await ErrorTypeAsync(response, cancellationToken)));
            return response;
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
