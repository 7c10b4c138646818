namespace Promotions.LocalHost.Demo;

/// <summary>
/// Fixed ids for the demo data, in the shape of real ids (prefix, then 26 Crockford base-32 characters) and
/// sorting before any id made since 1970, so seeding twice finds the same items instead of adding copies.
/// </summary>
internal static class DemoIds
{
    public static string Of(string prefix, int number) => $"{prefix}_{number:D26}";
}
