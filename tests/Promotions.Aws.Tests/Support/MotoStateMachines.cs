using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// moto keeps two Step Functions backends: the one its CloudFormation creates state machines in, which does not
/// execute, and the one <c>execute_state_machine</c> switches to, which does (Wait, Map, SQS). This copies a deployed
/// state machine, its definition as CloudFormation resolved it (substitutions applied), into the executing backend under
/// the same name, so its ARN (the one the stack gave the functions) starts real executions. Emulator plumbing only.
/// </summary>
internal static partial class MotoStateMachines
{
    /// <summary>
    /// Copies the state machine afresh each time: moto 5.2.1 deep-copies a state machine with its executions when it
    /// starts one, and fails (500, an RLock cannot be copied) once one has run, so each test of the shared stack starts
    /// its execution on a copy of its own.
    /// </summary>
    public static async Task MakeExecutableAsync(string endpoint, string stateMachineArn)
    {
        using var http = new HttpClient { BaseAddress = new Uri(endpoint) };
        await ConfigAsync(http, execute: false);
        var machine = await CallAsync(http, "DescribeStateMachine", new JsonObject { ["stateMachineArn"] = stateMachineArn });
        await ConfigAsync(http, execute: true);
        await DeleteAsync(http, stateMachineArn);
        await CallAsync(http, "CreateStateMachine", new JsonObject
        {
            ["name"] = machine["name"]!.GetValue<string>(),
            ["definition"] = ContextPaths().Replace(machine["definition"]!.GetValue<string>(), "\"$$$$.$1."),
            ["roleArn"] = machine["roleArn"]!.GetValue<string>(),
            ["type"] = "STANDARD",
        });
    }

    /// <summary>The execution's status and its last history events, for a failing test to show.</summary>
    public static async Task<string> DescribeAsync(string endpoint, string executionArn)
    {
        using var http = new HttpClient { BaseAddress = new Uri(endpoint) };
        var execution = await CallAsync(http, "DescribeExecution", new JsonObject { ["executionArn"] = executionArn });
        var events = (await CallAsync(http, "GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn }))["events"]!.AsArray();
        return $"{execution["status"]}: {string.Join('\n', events.Skip(Math.Max(0, events.Count - 4)).Select(e => e!.ToJsonString()))}";
    }

    /// <summary>The types of the execution's history events, in order.</summary>
    public static async Task<IReadOnlyList<string>> HistoryAsync(string endpoint, string executionArn)
    {
        using var http = new HttpClient { BaseAddress = new Uri(endpoint) };
        var events = (await CallAsync(http, "GetExecutionHistory", new JsonObject { ["executionArn"] = executionArn }))["events"]!.AsArray();
        return [.. events.Select(e => e!["type"]!.GetValue<string>())];
    }

    // moto's CloudFormation applies a substitution with Python's string.Template, which reads "$$" as an escaped "$":
    // the deployed definition's context-object paths ($$.Task.Token, $$.Map.Item.Value) come out as "$.Task…". The
    // state machine's own input has no member of those names, so putting the second "$" back is exact.
    [GeneratedRegex("\"\\$\\.(Task|Map|Execution|State|StateMachine)\\.")]
    private static partial Regex ContextPaths();

    // Deleting a state machine the executing backend does not hold yet is refused; that is fine here.
    private static async Task DeleteAsync(HttpClient http, string stateMachineArn)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(new JsonObject { ["stateMachineArn"] = stateMachineArn }.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions.DeleteStateMachine");
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20260101/{Emulator.Region}/states/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
    }

    private static async Task ConfigAsync(HttpClient http, bool execute)
    {
        var config = new JsonObject { ["stepfunctions"] = new JsonObject { ["execute_state_machine"] = execute } };
        using var body = new StringContent(config.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/moto-api/config", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonObject> CallAsync(HttpClient http, string action, JsonObject input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(input.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions." + action);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=test/20260101/{Emulator.Region}/states/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
