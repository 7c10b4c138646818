namespace Promotions.Domain.CodeAttempts;

/// <summary>Whose code attempts are counted: the token's caller, or the customer the codes are tried for.</summary>
public enum CodeAttemptScope
{
    Caller,
    Customer,
}
