using System.Diagnostics;

namespace Promotions.ServiceDefaults.Telemetry;

/// <summary>The spans the services start themselves (beside ASP.NET Core's and HttpClient's): one per queue message.</summary>
public static class PromotionsActivities
{
    /// <summary>The source name, as the tracer provider subscribes to it.</summary>
    public const string SourceName = "Promotions";

    public static readonly ActivitySource Source = new(SourceName);
}
