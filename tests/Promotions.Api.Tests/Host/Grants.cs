namespace Promotions.Api.Tests.Host;

/// <summary>
/// Who holds each policy, copied from docs/security.md (the specification), not read from the code under
/// test: a change to the policies in code that the document does not make fails the auth matrix.
/// </summary>
internal static class Grants
{
    public static readonly IReadOnlyDictionary<string, (string[] Roles, string[] Scopes)> ByPolicy =
        new Dictionary<string, (string[] Roles, string[] Scopes)>(StringComparer.Ordinal)
        {
            ["catalog.read"] = (["admin", "marketer", "analyst", "support"], []),
            ["catalog.write"] = (["admin", "marketer"], []),
            ["catalog.approve"] = (["admin"], []),
            ["offers"] = (["admin", "marketer", "analyst", "support"], ["offers:read"]),
            ["validate"] = (["admin", "marketer", "support"], ["validate"]),
            ["redeem"] = (["admin", "support"], ["redeem"]),
            ["analytics.read"] = (["admin", "marketer", "analyst"], []),
            ["events.ingest"] = (["admin"], []),
        };

    /// <summary>Every single-grant caller: one role or one scope.</summary>
    public static IReadOnlyList<Caller> SingleGrantCallers { get; } =
    [
        .. new[] { "admin", "marketer", "analyst", "support" }.Select(r => new Caller($"role {r}", [r], [])),
        .. new[] { "offers:read", "validate", "redeem" }.Select(s => new Caller($"scope {s}", [], [s])),
    ];

    public static bool Allows(string policy, Caller caller) =>
        ByPolicy.TryGetValue(policy, out var grant)
        && (caller.Roles.Any(grant.Roles.Contains) || caller.Scopes.Any(grant.Scopes.Contains));
}

/// <summary>A token holder with these roles and scopes.</summary>
public sealed record Caller(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);
