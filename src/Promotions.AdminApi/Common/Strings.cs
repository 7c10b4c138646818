namespace Promotions.AdminApi.Common;

/// <summary>Optional text inputs: blank means "not given".</summary>
internal static class Strings
{
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
