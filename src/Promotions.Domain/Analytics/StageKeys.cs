using System.Globalization;
using Promotions.Domain.Campaigns;

namespace Promotions.Domain.Analytics;

/// <summary>
/// The breakdown values of <see cref="AnalyticsDimension.Stage"/>: a stage is its index (two digits, so values sort in
/// plan order) and its name, <c>"01:launch"</c>; a redemption recorded in no stage (its campaign had no plan or no stage
/// had run, or the event predates stages) counts under <see cref="None"/>, so a campaign's stages and "no stage" add up
/// to its totals.
/// </summary>
public static class StageKeys
{
    /// <summary>The value of redemptions recorded in no stage.</summary>
    public const string None = "";

    public static string Of(CampaignStage? stage) =>
        stage is null ? None : stage.Index.ToString("D2", CultureInfo.InvariantCulture) + ":" + stage.Name;

    /// <summary>The stage a value names; null for <see cref="None"/> (or a value no stage could have written).</summary>
    public static CampaignStage? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new CampaignStage(index, value[(colon + 1)..])
            : null;
    }
}
