using Microsoft.IdentityModel.Tokens;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>A token whose signature and lifetime are fine but whose claims do not fit (client, audience, token use).</summary>
public sealed class TokenRefusedException : SecurityTokenValidationException
{
    public TokenRefusedException()
    {
        Code = "token_invalid";
    }

    public TokenRefusedException(string message)
        : base(message)
    {
        Code = "token_invalid";
    }

    public TokenRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "token_invalid";
    }

    public TokenRefusedException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>The machine-readable reason (<c>token_wrong_use</c>, <c>token_wrong_client</c>, …).</summary>
    public string Code { get; }
}
