using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Promotions.Embedded;

/// <summary>The one registration call of the embedded adapter set (SQLite, file system, in-process).</summary>
public static class EmbeddedAdapters
{
    public static IServiceCollection AddEmbeddedAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
