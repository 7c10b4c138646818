using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Promotions.Aws.Configuration;
using Promotions.Aws.Signing;

namespace Promotions.Aws.Plans;

/// <summary>
/// The Step Functions calls campaign plans need, <c>StartExecution</c>, <c>StopExecution</c> and the answers to a step
/// that waits for a task token (<c>SendTaskSuccess</c>, <c>SendTaskFailure</c>), as SigV4-signed AWS JSON 1.0 requests
/// (AWSSDK.StepFunctions is not used). An execution that already exists, or no longer runs, is not an error: both
/// calls are made again whenever a campaign is written.
/// </summary>
internal sealed class StepFunctionsClient(HttpClient http, AwsClients clients, TimeProvider clock)
{
    /// <summary>Starts <paramref name="name"/>; false when an execution of that name exists already (the start is idempotent).</summary>
    public async Task<bool> StartExecutionAsync(string stateMachineArn, string name, string input, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new StartExecutionRequest(stateMachineArn, name, input), StepFunctionsJson.Default.StartExecutionRequest);
        var (status, error) = await SendAsync("StartExecution", body, ct);
        return status == HttpStatusCode.OK || (error is "ExecutionAlreadyExists" ? false : throw Failure("StartExecution", status, error));
    }

    /// <summary>Stops the execution; nothing happens when it does not exist or has finished.</summary>
    public async Task StopExecutionAsync(string executionArn, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new StopExecutionRequest(executionArn, "The campaign's plan was replaced or stopped."), StepFunctionsJson.Default.StopExecutionRequest);
        var (status, error) = await SendAsync("StopExecution", body, ct);
        if (status != HttpStatusCode.OK && error is not ("ExecutionDoesNotExist" or "ExecutionNotStoppable"))
        {
            throw Failure("StopExecution", status, error);
        }
    }

    /// <summary>Answers the task waiting for <paramref name="taskToken"/> with <paramref name="output"/> (JSON); false when no task waits for it any more.</summary>
    public async Task<bool> SendTaskSuccessAsync(string taskToken, string output, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new SendTaskSuccessRequest(taskToken, output), StepFunctionsJson.Default.SendTaskSuccessRequest);
        return Answered("SendTaskSuccess", await SendAsync("SendTaskSuccess", body, ct));
    }

    /// <summary>Fails the task waiting for <paramref name="taskToken"/>; false when no task waits for it any more.</summary>
    public async Task<bool> SendTaskFailureAsync(string taskToken, string error, string cause, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new SendTaskFailureRequest(taskToken, error, cause), StepFunctionsJson.Default.SendTaskFailureRequest);
        return Answered("SendTaskFailure", await SendAsync("SendTaskFailure", body, ct));
    }

    // A token whose execution stopped, or that was answered or timed out, waits for nothing: not an error.
    private static bool Answered(string action, (HttpStatusCode Status, string? Error) answer) =>
        answer.Status == HttpStatusCode.OK
        || (answer.Error is "TaskDoesNotExist" or "TaskTimedOut" or "InvalidToken" ? false : throw Failure(action, answer.Status, answer.Error));

    private async Task<(HttpStatusCode Status, string? Error)> SendAsync(string action, string body, CancellationToken ct)
    {
        var (credentials, endpoint, region) = clients.StepFunctions();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-amz-json-1.0")),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.TryAddWithoutValidation("x-amz-target", "AWSStepFunctions." + action);
        await SigV4Signer.SignAsync(request, await credentials.GetCredentialsAsync(), region, "states", clock.GetUtcNow(), ct);
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return (HttpStatusCode.OK, null);
        }

        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, ErrorType(text));
    }

    // "__type": "com.amazonaws.states#ExecutionAlreadyExists" (or the bare name).
    private static string? ErrorType(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("__type", out var type) ? type.GetString()?.Split('#')[^1] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpRequestException Failure(string action, HttpStatusCode status, string? error) =>
        new($"Step Functions {action} failed: {(int)status} {error ?? "(no error type)"}.", null, status);
}
