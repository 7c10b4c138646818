using System.Text.Json;
using System.Text.Json.Nodes;

namespace Promotions.Aws.Tests.Support.Lambda;

/// <summary>One invocation: the event sent, the HTTP status, whether it failed, and its result.</summary>
public sealed record LambdaInvocation(JsonObject Event, int Status, bool Failed, JsonElement? Result)
{
    /// <summary>
    /// The partial batch response, as Lambda reads it with <c>ReportBatchItemFailures</c>: null when the whole
    /// batch failed (a failed invocation, or an identifier that is empty, missing or not one of
    /// <paramref name="identifiers"/>), else the identifiers reported (none: the whole batch succeeded; a result
    /// without <c>batchItemFailures</c> counts as success too).
    /// </summary>
    public IReadOnlyList<string>? Failures(IReadOnlyCollection<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        if (Failed)
        {
            return null;
        }

        if (Result is not { ValueKind: JsonValueKind.Object } result
            || !result.TryGetProperty("batchItemFailures", out var failures) || failures.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var reported = new List<string>();
        foreach (var failure in failures.EnumerateArray())
        {
            var id = failure.ValueKind == JsonValueKind.Object && failure.TryGetProperty("itemIdentifier", out var item)
                && item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (string.IsNullOrEmpty(id) || !identifiers.Contains(id))
            {
                return null;
            }

            reported.Add(id);
        }

        return reported;
    }
}
