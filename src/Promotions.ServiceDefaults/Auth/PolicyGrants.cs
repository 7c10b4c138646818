namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Who holds each policy: any one of the roles or of the scopes grants it. This table is docs/security.md's, in
/// code; <see cref="Policies.EventsIngest"/> is not in it because it depends on where the service runs
/// (<see cref="EventsIngestRequirement"/>).
/// </summary>
public static class PolicyGrants
{
    public static IReadOnlyDictionary<string, (IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes)> ByPolicy { get; } =
        new Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)>(StringComparer.Ordinal)
        {
            [Policies.CatalogRead] = (Roles.All, []),
            [Policies.CatalogWrite] = ([Roles.Admin, Roles.Marketer], []),
            [Policies.CatalogApprove] = ([Roles.Admin], []),
            [Policies.Offers] = (Roles.All, [Scopes.OffersRead]),
            [Policies.Validate] = ([Roles.Admin, Roles.Marketer, Roles.Support], [Scopes.Validate]),
            [Policies.Redeem] = ([Roles.Admin, Roles.Support], [Scopes.Redeem]),
            [Policies.AnalyticsRead] = ([Roles.Admin, Roles.Marketer, Roles.Analyst], []),
        };

    /// <summary>A sentence naming what grants <paramref name="policy"/>, for a 403's message.</summary>
    public static string Describe(string? policy)
    {
        if (policy is null || !ByPolicy.TryGetValue(policy, out var grant))
        {
            return "The token does not grant the role or scope this endpoint needs.";
        }

        var roles = $"one of the roles {string.Join(", ", grant.Roles)}";
        return grant.Scopes.Count == 0
            ? $"This endpoint ({policy}) needs {roles}."
            : $"This endpoint ({policy}) needs {roles}, or one of the scopes {string.Join(", ", grant.Scopes)}.";
    }
}
