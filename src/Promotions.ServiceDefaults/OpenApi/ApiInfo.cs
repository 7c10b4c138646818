using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Promotions.ServiceDefaults.OpenApi;

/// <summary>
/// The document's title and description: the same title for every service, a description naming the services the
/// document covers (from its paths) and the conventions they share. No server is named: the document is the same
/// wherever it is served from, so a copy of it can be committed and compared.
/// </summary>
internal sealed class ApiInfo : IOpenApiDocumentTransformer
{
    public const string Title = "Promotions API";

    private static readonly (string Prefix, string Service)[] Services =
    [
        ("/admin/", "Admin API (`/admin`): campaigns, campaign types, promotions with rules and effects, lifecycle, segments, customers, codes, assets"),
        ("/offers", "Promotion API (`/offers`): offers for a customer on a channel, promotion details, code lookup, search"),
        ("/validate", "Validation (`/validate`): eligibility and a discount quote for a cart, with reasons and hints"),
        ("/redemptions", "Redemption (`/redemptions`): atomic redeem, reserve, confirm, release, reversal"),
        ("/analytics/", "Analytics (`/analytics`): performance, budget burn, ROI, CSV exports"),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var paths = document.Paths?.Keys.ToList() ?? [];
        var services = Services.Where(s => paths.Any(p => p.StartsWith(s.Prefix, StringComparison.Ordinal))).Select(s => $"- {s.Service}");
        document.Info ??= new OpenApiInfo();
        document.Info.Title = Title;
        document.Info.Description = string.Join('\n',
        [
            "The promotions platform: campaigns, promotions, codes, budgets, eligibility, discount quotes, redemption and analytics.",
            "",
            .. services,
            "",
            "Operations that need a bearer token (JWT) say so and answer 401 without one, 403 without the grant. JSON is camelCase; decimals are fixed-point. "
            + "Every error is an RFC 9457 problem (`application/problem+json`) with a `code` and, in `errors`, the JSON path of each failing input. "
            + "Changes to a versioned item need the `ETag` read in `If-Match` (428 without it, 412 when stale). "
            + "Redemption writes need an `Idempotency-Key`. Lists page with `?cursor=&limit=`.",
        ]);
        document.Servers = [];
        return Task.CompletedTask;
    }
}
