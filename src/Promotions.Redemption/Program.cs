using Promotions.Embedded;
using Promotions.Embedded.Redemptions;
using Promotions.ServiceDefaults;

namespace Promotions.Redemption;

/// <summary>Runs the service alone, on the adapters chosen by configuration.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPromotionsDefaults();
        builder.Services.AddEmbeddedAdapters(builder.Configuration);

        // Registered with TryAdd, so it stays harmless once AddEmbeddedAdapters registers the ledger itself.
        builder.Services.AddEmbeddedRedemption();
        builder.Services.AddRedemptionApi();

        var app = builder.Build();
        app.UsePromotionsDefaults();
        app.MapRedemptionApi();
        app.Run();
    }
}
