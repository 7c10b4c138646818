using System.Text.Json.Serialization;
namespace Promotions.Domain.Events;

/// <summary>
/// A campaign's spend (holds included) reached <paramref name="ThresholdPercent"/> (50, 80 or 100) of its
/// budget with this change. A reversal can take spend back under a threshold; crossing it again reports again.
/// </summary>
public sealed record BudgetThresholdCrossed(
    string EventId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    int ThresholdPercent,
    decimal Spent,
    decimal Budget,
    string Currency) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "budget_threshold_crossed";

    /// <summary>The thresholds reported, in percent of the budget.</summary>
    public static IReadOnlyList<int> Thresholds { get; } = [50, 80, 100];

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
