namespace Promotions.Domain.Customers;

/// <summary>The sales channels a promotion can be offered on; the wire names are these constants.</summary>
public static class Channels
{
    public const string Web = "web";
    public const string MobileApp = "mobile_app";
    public const string Email = "email";
    public const string InStore = "in_store";
    public const string Partner = "partner";

    public static IReadOnlyList<string> All { get; } = [Web, MobileApp, Email, InStore, Partner];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel, StringComparer.Ordinal);
}
