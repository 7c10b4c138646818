using System.Text.Json;

namespace Promotions.Domain.Promotions;

/// <summary>
/// One eligibility rule of a promotion: a condition in the rule language (<paramref name="Condition"/>),
/// evaluated in ascending <paramref name="Priority"/>; all rules of a promotion must hold.
/// </summary>
public sealed record Rule(string Id, string PromotionId, string RuleType, JsonElement Condition, int Priority = 0);
