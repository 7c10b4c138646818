namespace Promotions.LocalHost.Demo;

/// <summary>Registers the demo seeder and its start-up run.</summary>
internal static class DemoRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<DemoSeeder.AtStart>();
        return services;
    }
}
