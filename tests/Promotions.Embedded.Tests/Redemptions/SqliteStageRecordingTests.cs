using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Contracts.Redemptions;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Redemptions;

/// <summary>The stage contract on the embedded adapter set, on a fresh SQLite folder per test.</summary>
public sealed class SqliteStageRecordingTests : StageRecordingContract
{
    private readonly TempDirectory _temp = new();
    private ServiceProvider? _services;

    protected override T Port<T>() => _services!.GetRequiredService<T>();

    public override async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:DataDirectory"] = _temp.Path })
            .Build();
        _services = new ServiceCollection().AddSingleton<TimeProvider>(Clock).AddEmbeddedAdapters(configuration).BuildServiceProvider();
        await _services.GetRequiredService<SqliteDatabase>().InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await _services!.DisposeAsync();
        _temp.Dispose();
    }
}
