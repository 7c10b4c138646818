using System.Text.Json;
using Promotions.Domain.Promotions;

namespace Promotions.AdminApi.Promotions;

/// <summary>
/// The editable fields of a promotion (create and full replace). <see cref="Effect"/> is discount JSON and
/// each rule's condition is rule-language JSON; both are validated before anything is stored.
/// </summary>
internal sealed record PromotionRequest(
    string? CampaignId = null,
    string? Name = null,
    string? Description = null,
    PromotionKind? Kind = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null,
    JsonElement? Effect = null,
    IReadOnlyList<RuleRequest>? Rules = null,
    IReadOnlyList<string>? Channels = null,
    int? Priority = null,
    StackingBody? Stacking = null,
    int? MaxRedemptions = null,
    int? PerCustomerLimit = null,
    IReadOnlyList<PeriodLimitBody>? PeriodLimits = null);

/// <summary>One eligibility rule: a condition in the rule language, evaluated in ascending priority.</summary>
internal sealed record RuleRequest(JsonElement? Condition = null, string? RuleType = null, int? Priority = null);

/// <summary>How the promotion combines with others (request and response).</summary>
internal sealed record StackingBody(bool? Exclusive = null, string? Group = null);
