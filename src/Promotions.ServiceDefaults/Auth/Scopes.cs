namespace Promotions.ServiceDefaults.Auth;

/// <summary>Machine scopes for channels and partners (the space-separated <c>scope</c> claim).</summary>
public static class Scopes
{
    public const string OffersRead = "offers:read";
    public const string Validate = "validate";
    public const string Redeem = "redeem";

    public static IReadOnlyList<string> All { get; } = [OffersRead, Validate, Redeem];
}
