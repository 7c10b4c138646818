using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Promotions.Domain.Ports;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests;

public sealed class EmbeddedAdaptersTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AddEmbeddedAdapters_RegistersEveryPortOnTheConfiguredDirectory()
    {
        await using var provider = Build(_temp.Path);

        var campaigns = provider.GetRequiredService<ICampaignStore>();
        _ = provider.GetRequiredService<IPromotionStore>();
        _ = provider.GetRequiredService<ISegmentStore>();
        _ = provider.GetRequiredService<ICustomerStore>();
        _ = provider.GetRequiredService<ICampaignTypeStore>();
        _ = provider.GetRequiredService<ICodeStore>();
        _ = provider.GetRequiredService<ICodeJobStore>();
        _ = provider.GetRequiredService<IAssetStore>();
        _ = provider.GetRequiredService<IPromotionSearch>();
        Assert.Null(await campaigns.GetAsync("cmp_none", default));

        Assert.True(File.Exists(Path.Combine(_temp.Path, "promotions.db")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\0path")]
    public async Task AddEmbeddedAdapters_WhenDataDirectoryIsInvalid_FailsValidation(string directory)
    {
        await using var provider = Build(directory);

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddedOptions>>().Value);
    }

    private static ServiceProvider Build(string directory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:DataDirectory"] = directory })
            .Build();
        return new ServiceCollection().AddEmbeddedAdapters(configuration).BuildServiceProvider();
    }
}
