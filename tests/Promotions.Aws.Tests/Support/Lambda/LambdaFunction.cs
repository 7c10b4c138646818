using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Promotions.Aws.Events.Lambda;

namespace Promotions.Aws.Tests.Support.Lambda;

/// <summary>
/// A function as its event sources reach it through the Lambda Web Adapter: the raw event is posted to the
/// app's pass-through path and the response body is the invocation's result, whatever its status, except that
/// a status in <see cref="ErrorStatusCodes"/> (the adapter's <c>AWS_LWA_ERROR_STATUS_CODES</c>; template.yaml
/// sets <see cref="PassThrough.FailureStatus"/>) fails the invocation. The client carries whatever authorization the app wants.
/// </summary>
public sealed class LambdaFunction(HttpClient client, string passThroughPath)
{
    /// <summary>Statuses that fail the invocation, as the adapter is configured on AWS.</summary>
    public Func<int, bool> ErrorStatusCodes { get; init; } = status => status == PassThrough.FailureStatus;

    /// <summary>Every invocation so far, oldest first.</summary>
    public List<LambdaInvocation> Invocations { get; } = [];

    public async Task<LambdaInvocation> InvokeAsync(JsonObject lambdaEvent, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(passThroughPath, lambdaEvent, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        var status = (int)response.StatusCode;
        JsonElement? result = null;
        try
        {
            result = text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // A result that is not JSON reads as an empty batch response, as Lambda reads it.
        }

        var invocation = new LambdaInvocation(lambdaEvent, status, ErrorStatusCodes(status), result);
        lock (Invocations)
        {
            Invocations.Add(invocation);
        }

        return invocation;
    }
}
