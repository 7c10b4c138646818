using System.Text.Json;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// "Run step <paramref name="Index"/> of plan revision <paramref name="Revision"/> of campaign
/// <paramref name="CampaignId"/>": what the plan's Step Functions execution sends to the Admin function's queue. Ids
/// only, so a message stays far below the 256 KB of a payload.
/// </summary>
internal sealed record PlanStepMessage(string CampaignId, long Revision, int Index)
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
