using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Embedded;

namespace Promotions.Benchmarks.Storage;

/// <summary>The embedded adapters through their public registration, on a fresh temporary folder.</summary>
internal static class EmbeddedServices
{
    /// <summary>A new folder under the temp path and the services on it; the caller disposes them and deletes the folder.</summary>
    public static (string Directory, ServiceProvider Services) Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "promotions-bench-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:DataDirectory"] = directory })
            .Build();
        return (directory, new ServiceCollection().AddEmbeddedAdapters(configuration).BuildServiceProvider());
    }
}
