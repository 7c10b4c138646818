namespace Promotions.Domain.CodeAttempts;

/// <summary>Code attempts of a caller or a customer are refused until <see cref="Until"/>.</summary>
public sealed record Lockout(CodeAttemptScope Scope, DateTimeOffset Until)
{
    /// <summary>Whole seconds to wait from <paramref name="now"/> (at least one), for <c>Retry-After</c>.</summary>
    public int RetryAfterSeconds(DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((Until - now).TotalSeconds));

    /// <summary>The lockout that ends later (either may be null).</summary>
    public static Lockout? Later(Lockout? a, Lockout? b) => a is null ? b : b is null || a.Until >= b.Until ? a : b;
}
