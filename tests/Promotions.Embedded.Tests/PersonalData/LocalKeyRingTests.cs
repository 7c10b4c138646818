using System.Security.Cryptography;
using Promotions.Domain.PersonalData;
using Promotions.Embedded.PersonalData;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.PersonalData;

public sealed class LocalKeyRingTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> Context = PersonalDataProtector.Context;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Create_KeepsTheKeysInAnOwnerOnlyFolder()
    {
        var ring = new LocalKeyRing(_temp.Path);

        ring.Create();

        Assert.Equal(Path.Combine(_temp.Path, "keys"), ring.Folder);
        Assert.Equal(["kek-1", "lookup-key"], Directory.GetFiles(ring.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ring.Folder));
            foreach (var file in Directory.GetFiles(ring.Folder))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task DataKey_UnwrapsInAnotherProcessOnTheSameFolder()
    {
        var key = await new LocalKeyRing(_temp.Path).GenerateDataKeyAsync(Context, default);

        var unwrapped = await new LocalKeyRing(_temp.Path).UnwrapDataKeyAsync(key.KeyId, key.Wrapped, Context, default);

        Assert.Equal("kek-1", key.KeyId);
        Assert.Equal(32, key.Plaintext.Length);
        Assert.Equal(key.Plaintext, unwrapped);
        Assert.DoesNotContain(Convert.ToBase64String(key.Plaintext), Convert.ToBase64String(key.Wrapped), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rings_CreatedTogether_AgreeOnOneRing()
    {
        using var start = new ManualResetEventSlim();
        var made = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var ring = new LocalKeyRing(_temp.Path);
            return (Ring: ring, Key: await ring.GenerateDataKeyAsync(Context, default), Mac: await ring.ComputeLookupMacAsync("a@example.com"u8.ToArray(), default));
        })).ToList();
        start.Set();
        var rings = await Task.WhenAll(made);

        Assert.Single(rings.Select(r => Convert.ToHexString(r.Mac)).Distinct());
        foreach (var (ring, _, _) in rings)
        {
            foreach (var (_, key, _) in rings)
            {
                Assert.Equal(key.Plaintext, await ring.UnwrapDataKeyAsync(key.KeyId, key.Wrapped, Context, default));
            }
        }
    }

    [Fact]
    public async Task Unwrap_UnderAnotherContext_Fails()
    {
        var ring = new LocalKeyRing(_temp.Path);
        var key = await ring.GenerateDataKeyAsync(Context, default);

        await Assert.ThrowsAnyAsync<CryptographicException>(() =>
            ring.UnwrapDataKeyAsync(key.KeyId, key.Wrapped, new Dictionary<string, string> { ["purpose"] = "something-else" }, default));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ring.UnwrapDataKeyAsync(key.KeyId, key.Wrapped, new Dictionary<string, string>(), default));
    }

    [Fact]
    public async Task Unwrap_OfAnAlteredOrMisnamedKey_Fails()
    {
        var ring = new LocalKeyRing(_temp.Path);
        var key = await ring.GenerateDataKeyAsync(Context, default);
        ring.Rotate();
        var altered = (byte[])key.Wrapped.Clone();
        altered[20] ^= 1;

        await Assert.ThrowsAnyAsync<CryptographicException>(() => ring.UnwrapDataKeyAsync(key.KeyId, altered, Context, default));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ring.UnwrapDataKeyAsync("kek-2", key.Wrapped, Context, default));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ring.UnwrapDataKeyAsync("kek-9", key.Wrapped, Context, default));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ring.UnwrapDataKeyAsync(key.KeyId, key.Wrapped[..^1], Context, default));
    }

    [Fact]
    public async Task Rotate_ByAnotherProcess_IsTakenUpAtTheNextDataKey()
    {
        var running = new LocalKeyRing(_temp.Path);
        var before = await running.GenerateDataKeyAsync(Context, default);

        Assert.Equal("kek-2", LocalKeys.Rotate(_temp.Path));
        var after = await running.GenerateDataKeyAsync(Context, default);

        Assert.Equal(("kek-1", "kek-2"), (before.KeyId, after.KeyId));
        Assert.Equal(before.Plaintext, await new LocalKeyRing(_temp.Path).UnwrapDataKeyAsync(before.KeyId, before.Wrapped, Context, default));
        Assert.Equal(after.Plaintext, await running.UnwrapDataKeyAsync(after.KeyId, after.Wrapped, Context, default));
    }

    [Fact]
    public async Task LookupMac_IsStableAcrossRotationAndRestarts()
    {
        var first = await new LocalKeyRing(_temp.Path).ComputeLookupMacAsync("a@example.com"u8.ToArray(), default);

        LocalKeys.Rotate(_temp.Path);
        var second = await new LocalKeyRing(_temp.Path).ComputeLookupMacAsync("a@example.com"u8.ToArray(), default);

        Assert.Equal(first, second);
        Assert.NotEqual(SHA256.HashData("a@example.com"u8), first);
    }

    [Fact]
    public void Rotate_WithoutARing_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalKeys.Rotate(_temp.Path));

        Assert.Contains("no key ring", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "keys")));
    }

    [Fact]
    public async Task Ring_WhoseFilesWereReplacedWhileRunning_RefusesToGoOn()
    {
        var running = new LocalKeyRing(_temp.Path);
        await running.GenerateDataKeyAsync(Context, default);

        Directory.Delete(running.Folder, recursive: true);
        new LocalKeyRing(_temp.Path).Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() => running.GenerateDataKeyAsync(Context, default));
    }
}
