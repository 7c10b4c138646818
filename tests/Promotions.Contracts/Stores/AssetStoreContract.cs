using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>The <see cref="IAssetStore"/> contract; adapters supply the store.</summary>
public abstract class AssetStoreContract : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    protected IAssetStore Store { get; private set; } = null!;

    protected abstract Task<IAssetStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_ThenGetAndOpen_RoundTripsMetadataAndBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var asset = Describe(bytes) with { CampaignId = "cmp_1", PromotionId = "prm_1" };

        await Store.SaveAsync(asset, new MemoryStream(bytes), default);

        Assert.Equal(asset, await Store.GetAsync(asset.Id, default));
        Assert.Equal(bytes, await ReadAllAsync(asset.Id));
    }

    [Fact]
    public async Task Save_AgainWithTheSameId_ReplacesBytesAndMetadata()
    {
        var asset = Describe([1, 2, 3]);
        await Store.SaveAsync(asset, new MemoryStream([1, 2, 3]), default);
        byte[] replacement = [9, 8, 7, 6];
        var replaced = Describe(replacement) with { Id = asset.Id, FileName = "new.png" };

        await Store.SaveAsync(replaced, new MemoryStream(replacement), default);

        Assert.Equal(replaced, await Store.GetAsync(asset.Id, default));
        Assert.Equal(replacement, await ReadAllAsync(asset.Id));
    }

    [Theory]
    [InlineData(10, 11)]
    [InlineData(10, 9)]
    [InlineData(0, 1)]
    public async Task Save_WhenStreamLengthDiffersFromSize_ThrowsAndStoresNothing(int declared, int actual)
    {
        var asset = Describe(new byte[declared]);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(asset, new MemoryStream(new byte[actual]), default));

        Assert.Null(await Store.GetAsync(asset.Id, default));
        Assert.Null(await Store.OpenReadAsync(asset.Id, default));
    }

    [Fact]
    public async Task Delete_RemovesMetadataAndBytes()
    {
        var asset = Describe([1, 2, 3]);
        await Store.SaveAsync(asset, new MemoryStream([1, 2, 3]), default);

        Assert.True(await Store.DeleteAsync(asset.Id, default));

        Assert.Null(await Store.GetAsync(asset.Id, default));
        Assert.Null(await Store.OpenReadAsync(asset.Id, default));
        Assert.False(await Store.DeleteAsync(asset.Id, default));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/etc/hosts")]
    [InlineData("ast_missing")]
    [InlineData("")]
    public async Task GetAndOpen_WhenIdIsUnknownOrAPath_ReturnNothing(string id)
    {
        Assert.Null(await Store.GetAsync(id, default));
        Assert.Null(await Store.OpenReadAsync(id, default));
        Assert.False(await Store.DeleteAsync(id, default));
    }

    [Fact]
    public async Task List_AcrossPages_ReturnsEveryAssetOnceInIdOrder()
    {
        var saved = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var asset = Describe([(byte)i]);
            await Store.SaveAsync(asset, new MemoryStream([(byte)i]), default);
            saved.Add(asset.Id);
        }

        var listed = new List<string>();
        string? after = null;
        do
        {
            var page = await Store.ListAsync(new ListQuery(after, 2), default);
            listed.AddRange(page.Items.Select(a => a.Id));
            after = page.NextCursor is null ? null : Cursor.Decode(page.NextCursor).Value;
        }
        while (after is not null);

        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(saved, id => Assert.Contains(id, listed));
    }

    private Asset Describe(byte[] bytes) => new(
        Ids.New("ast", _clock), "banner ü.png", "image/png", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), Samples.OddInstant);

    private async Task<byte[]> ReadAllAsync(string id)
    {
        await using var stream = await Store.OpenReadAsync(id, default);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
