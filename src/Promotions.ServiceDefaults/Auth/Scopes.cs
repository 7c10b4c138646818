namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Machine scopes for channels and partners: the space-separated <c>scope</c> claim of local tokens; on Cognito the
/// resource server's scopes <c>&lt;resource server&gt;/&lt;scope&gt;</c> (e.g. <c>promotions/redeem</c>), see <see cref="CognitoTokens"/>.
/// </summary>
public static class Scopes
{
    public const string OffersRead = "offers:read";
    public const string Validate = "validate";
    public const string Redeem = "redeem";

    public static IReadOnlyList<string> All { get; } = [OffersRead, Validate, Redeem];
}
