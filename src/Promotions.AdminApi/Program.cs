using Promotions.ServiceDefaults;
using Promotions.ServiceDefaults.Adapters;

namespace Promotions.AdminApi;

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
        builder.Services.AddPromotionsAdapters(builder.Configuration);
        builder.Services.AddAdminApi();

        var app = builder.Build();
        app.UsePromotionsDefaults();
        app.MapAdminApi();
        app.Run();
    }
}
