using System.ComponentModel.DataAnnotations;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Token validation settings (section <c>Auth</c>). Locally tokens are HS256-signed with
/// <see cref="SigningKey"/>; on AWS <see cref="Authority"/> names the Cognito user pool and keys come from its JWKS.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Required]
    public string Issuer { get; set; } = "promotions-local";

    [Required]
    public string Audience { get; set; } = "promotions";

    /// <summary>Base64 of at least 32 bytes; used when <see cref="Authority"/> is empty.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID authority (e.g. the Cognito user pool URL); when set, its keys validate tokens.</summary>
    public string? Authority { get; set; }

    /// <summary>Allow plain http for <see cref="Authority"/> (an emulator on loopback).</summary>
    public bool AllowHttpAuthority { get; set; }
}
