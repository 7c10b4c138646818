using System.Text.Json;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// "Run step <paramref name="Index"/> of plan revision <paramref name="Revision"/> of campaign
/// <paramref name="CampaignId"/>": what the plan's Step Functions execution sends to the Admin function's queue. Ids
/// only, so a message stays far below the 256 KB of a payload. A step that distributes codes carries the
/// <paramref name="TaskToken"/> its execution waits on; each of its batches then comes as the same ids with
/// <paramref name="Batch"/>, the batch number to run the distributions through (0: to the end).
/// </summary>
internal sealed record PlanStepMessage(string CampaignId, long Revision, int Index, string? TaskToken = null, int? Batch = null)
{
    /// <summary>The message of an SQS record's body, or null when the body is not one (a code-job id, or garbage).</summary>
    public static PlanStepMessage? Read(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, PlanStepMessageJson.Default.PlanStepMessage) is { CampaignId.Length: > 0 } message ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
