namespace Promotions.ServiceDefaults.Auth;

/// <summary>People's roles (JWT <c>roles</c> claim locally, <c>cognito:groups</c> on AWS).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Marketer = "marketer";
    public const string Analyst = "analyst";
    public const string Support = "support";

    public static IReadOnlyList<string> All { get; } = [Admin, Marketer, Analyst, Support];
}
