using System.ComponentModel.DataAnnotations;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Token validation settings (section <c>Auth</c>). Locally tokens are HS256-signed with <see cref="SigningKey"/>;
/// on AWS <see cref="Cognito"/> names the user pool, whose RS256 keys validate them and no signing key exists.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The issuer of local tokens.</summary>
    [Required]
    public string Issuer { get; set; } = "promotions-local";

    /// <summary>The audience of local tokens.</summary>
    [Required]
    public string Audience { get; set; } = "promotions";

    /// <summary>Base64 of at least 32 bytes; used when <see cref="Cognito"/> names no user pool.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The Cognito user pool whose tokens are accepted (section <c>Auth:Cognito</c>).</summary>
    public CognitoOptions Cognito { get; } = new();

    /// <summary>True when tokens come from a Cognito user pool rather than the local key.</summary>
    public bool UsesCognito => !string.IsNullOrWhiteSpace(Cognito.UserPoolId);
}
