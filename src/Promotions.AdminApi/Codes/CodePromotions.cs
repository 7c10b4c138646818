using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.AdminApi.Lifecycle;
using Promotions.AdminApi.Promotions;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Codes;

/// <summary>The promotion a code call is about: it must exist and be a code promotion to take codes.</summary>
internal static class CodePromotions
{
    /// <summary>The promotion, or the problem that stops a code operation on it (404, 409).</summary>
    public static async Task<(Promotion? Promotion, ProblemHttpResult? Problem)> FindForCodesAsync(
        IPromotionStore store, string id, bool adding, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } promotion)
        {
            return (null, Problems.NotFound(PromotionEndpoints.What, id));
        }

        if (promotion.Kind != PromotionKind.Code)
        {
            return (null, AdminResults.Conflict(LifecycleRules.NotCodePromotion, "This promotion is automatic; only code promotions take codes.", "$.id"));
        }

        if (adding && !LifecycleMachine.IsEditable(promotion.Status))
        {
            return (null, AdminResults.Conflict(LifecycleRules.NotEditable,
                $"The promotion is {QueryValues.Wire(promotion.Status)}; codes can no longer be added.", "$.id"));
        }

        return (promotion, null);
    }
}
