using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.PersonalData;

namespace Promotions.Domain.Tests.PersonalData;

public sealed class PersonalDataProtectorTests
{
    private const string Field = "customer.email";
    private const string Record = "cus_01";

    /// <summary>Strings of any Unicode scalar values (surrogate pairs included, lone surrogates not), empty ones too.</summary>
    private static readonly Gen<string> AnyText =
        Gen.Int[0, 0x10FFFF].Where(v => v is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32).Array[0, 40].Select(string.Concat);

    private readonly CountingKeyRing _ring = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public Task SealThenOpen_RoundTripsAnyText()
    {
        var protector = Protector();
        return AnyText.SampleAsync(async text =>
        {
            var sealedText = await protector.SealAsync(text, Field, Record, default);

            Assert.StartsWith("pd1.", sealedText, StringComparison.Ordinal);
            Assert.Equal(text, await protector.OpenAsync(sealedText, Field, Record, default));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Zoë O'Brien")]
    [InlineData("李雷 🎉")]
    [InlineData("\0nul\u0001")]
    public async Task SealThenOpen_RoundTripsEdgeCases(string text)
    {
        var protector = Protector();

        var sealedText = await protector.SealAsync(text, Field, Record, default);

        Assert.Equal(text, await Protector().OpenAsync(sealedText, Field, Record, default));
    }

    [Fact]
    public async Task Seal_OfNull_IsNullAndOpensAsNull()
    {
        var protector = Protector();

        Assert.Null(await protector.SealAsync(null, Field, Record, default));
        Assert.Null(await protector.OpenAsync(null, Field, Record, default));
    }

    [Fact]
    public async Task Seal_OfALoneSurrogate_IsRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Protector().SealAsync("a\ud800b", Field, Record, default));

    [Fact]
    public async Task Seal_OfTheSameValueTwice_GivesDifferentCiphertexts()
    {
        var protector = Protector();

        var first = await protector.SealAsync("ada@example.com", Field, Record, default);
        var second = await protector.SealAsync("ada@example.com", Field, Record, default);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Open_InAnotherRecord_Fails()
    {
        var protector = Protector();
        var sealedText = await protector.SealAsync("ada@example.com", Field, Record, default);

        var error = await Assert.ThrowsAnyAsync<CryptographicException>(() => protector.OpenAsync(sealedText, Field, "cus_02", default));
        Assert.Contains("cus_02", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_InAnotherField_Fails()
    {
        var protector = Protector();
        var sealedText = await protector.SealAsync("Ada Lovelace", "customer.name", Record, default);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => protector.OpenAsync(sealedText, Field, Record, default));
    }

    [Fact]
    public async Task Open_WhenAnyBitIsFlipped_Fails()
    {
        var protector = Protector();
        var bytes = Base64Url.DecodeFromChars((await protector.SealAsync("ada@example.com", Field, Record, default))!.AsSpan(4));

        await Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Int[0, 7]).SampleAsync(async (index, bit) =>
        {
            var altered = (byte[])bytes.Clone();
            altered[index] ^= (byte)(1 << bit);

            await Assert.ThrowsAnyAsync<CryptographicException>(() => protector.OpenAsync("pd1." + Base64Url.EncodeToString(altered), Field, Record, default));
        });
    }

    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("pd1.")]
    [InlineData("pd1.AA")]
    [InlineData("pd1.not*base64")]
    [InlineData("pd2.AAAA")]
    public async Task Open_OfWhatWasNeverSealed_Fails(string stored) =>
        await Assert.ThrowsAnyAsync<CryptographicException>(() => Protector().OpenAsync(stored, Field, Record, default));

    [Fact]
    public async Task Open_WhenCutShort_Fails()
    {
        var protector = Protector();
        var sealedText = (await protector.SealAsync("ada@example.com", Field, Record, default))!;

        await Assert.ThrowsAnyAsync<CryptographicException>(() => protector.OpenAsync(sealedText[..^3], Field, Record, default));
    }

    [Fact]
    public async Task Open_OfAValueSealedByAnotherRing_Fails()
    {
        var sealedText = await new PersonalDataProtector(new CountingKeyRing(), _clock).SealAsync("ada@example.com", Field, Record, default);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => Protector().OpenAsync(sealedText, Field, Record, default));
    }

    [Fact]
    public async Task Seal_ReusesADataKeyForItsMaximumUses()
    {
        var protector = Protector(new DataKeyPolicy(10, TimeSpan.FromHours(1), 100, TimeSpan.FromHours(1)));

        var values = new List<string?>();
        for (var i = 0; i < 25; i++)
        {
            values.Add(await protector.SealAsync($"user{i}@example.com", Field, Record, default));
        }

        Assert.Equal(3, _ring.Generated);
        Assert.Equal(3, values.Select(KeyHeader).Distinct().Count());
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal($"user{i}@example.com", await protector.OpenAsync(values[i], Field, Record, default));
        }
    }

    [Fact]
    public async Task Seal_AfterTheMaximumAge_IssuesANewDataKey()
    {
        var protector = Protector(new DataKeyPolicy(1000, TimeSpan.FromMinutes(10), 100, TimeSpan.FromHours(1)));

        var early = await protector.SealAsync("a@example.com", Field, Record, default);
        _clock.Advance(TimeSpan.FromMinutes(9));
        var within = await protector.SealAsync("b@example.com", Field, Record, default);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var after = await protector.SealAsync("c@example.com", Field, Record, default);

        Assert.Equal(2, _ring.Generated);
        Assert.Equal(KeyHeader(early), KeyHeader(within));
        Assert.NotEqual(KeyHeader(early), KeyHeader(after));
    }

    [Fact]
    public async Task Seal_InAConcurrentBurst_IssuesOneDataKeyPerMaximumUses()
    {
        var protector = Protector(new DataKeyPolicy(50, TimeSpan.FromHours(1), 100, TimeSpan.FromHours(1)));
        using var start = new ManualResetEventSlim();

        var seals = Enumerable.Range(0, 500).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (Value: $"user{i}@example.com", Sealed: await protector.SealAsync($"user{i}@example.com", Field, Record, default));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(seals);

        Assert.Equal(10, _ring.Generated);
        Assert.All(results.GroupBy(r => KeyHeader(r.Sealed)), group => Assert.Equal(50, group.Count()));
        var reader = Protector();
        foreach (var (value, sealedText) in results)
        {
            Assert.Equal(value, await reader.OpenAsync(sealedText, Field, Record, default));
        }
    }

    [Fact]
    public async Task Open_OfManyValuesUnderOneDataKey_UnwrapsItOnce()
    {
        var writer = Protector();
        var values = new List<string?>();
        for (var i = 0; i < 20; i++)
        {
            values.Add(await writer.SealAsync($"user{i}@example.com", Field, $"cus_{i}", default));
        }

        // A fresh process: nothing in memory; 200 readers at once still ask the ring once.
        var reader = Protector();
        var opened = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => reader.OpenAsync(values[i % 20], Field, $"cus_{i % 20}", default))));

        Assert.Equal(1, _ring.Unwrapped);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"user{i % 20}@example.com"), opened);
    }

    [Fact]
    public async Task Open_OfWhatThisProcessSealed_NeedsNoUnwrap()
    {
        var protector = Protector();

        var sealedText = await protector.SealAsync("ada@example.com", Field, Record, default);
        await protector.OpenAsync(sealedText, Field, Record, default);

        Assert.Equal(0, _ring.Unwrapped);
    }

    [Fact]
    public async Task Open_AfterTheOpenedKeyAge_UnwrapsAgain()
    {
        var sealedText = await Protector().SealAsync("ada@example.com", Field, Record, default);
        var reader = Protector(new DataKeyPolicy(1000, TimeSpan.FromHours(1), 100, TimeSpan.FromMinutes(5)));

        await reader.OpenAsync(sealedText, Field, Record, default);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await reader.OpenAsync(sealedText, Field, Record, default);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await reader.OpenAsync(sealedText, Field, Record, default);

        Assert.Equal(2, _ring.Unwrapped);
    }

    [Fact]
    public async Task Open_AfterAFailedUnwrap_AsksTheRingAgain()
    {
        var sealedText = await Protector().SealAsync("ada@example.com", Field, Record, default);
        var reader = Protector();
        _ring.FailNextUnwrap();

        await Assert.ThrowsAsync<TimeoutException>(() => reader.OpenAsync(sealedText, Field, Record, default));

        Assert.Equal("ada@example.com", await reader.OpenAsync(sealedText, Field, Record, default));
        Assert.Equal(2, _ring.Unwrapped);
    }

    [Fact]
    public async Task Open_AfterTheRingRotated_ReadsValuesSealedUnderTheOldKey()
    {
        var before = await Protector().SealAsync("old@example.com", Field, Record, default);
        var oldKey = _ring.CurrentKeyId;

        var newKey = _ring.Rotate();
        var after = await Protector().SealAsync("new@example.com", Field, Record, default);
        var reader = Protector();

        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(oldKey, KeyIdOf(before));
        Assert.Equal(newKey, KeyIdOf(after));
        Assert.Equal("old@example.com", await reader.OpenAsync(before, Field, Record, default));
        Assert.Equal("new@example.com", await reader.OpenAsync(after, Field, Record, default));
    }

    [Fact]
    public async Task LookupKey_IsTheHmacOfTheValueNotItsPlainHash()
    {
        var protector = Protector();

        var key = await protector.LookupKeyAsync("ada@example.com", default);

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(_ring.LookupKey, "ada@example.com"u8)), key);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData("ada@example.com"u8)), key);
        Assert.Equal(key, await Protector().LookupKeyAsync("ada@example.com", default));
        Assert.NotEqual(key, await new PersonalDataProtector(new CountingKeyRing(), _clock).LookupKeyAsync("ada@example.com", default));
    }

    private static string KeyIdOf(string? sealedText)
    {
        var bytes = Base64Url.DecodeFromChars(sealedText.AsSpan(4));
        return Encoding.UTF8.GetString(bytes, 1, bytes[0]);
    }

    /// <summary>The key id and wrapped data key of a sealed value: equal for values sealed with one data key.</summary>
    private static string KeyHeader(string? sealedText)
    {
        var bytes = Base64Url.DecodeFromChars(sealedText.AsSpan(4));
        var length = 3 + bytes[0] + ((bytes[1 + bytes[0]] << 8) | bytes[2 + bytes[0]]);
        return Convert.ToBase64String(bytes, 0, length);
    }

    private PersonalDataProtector Protector(DataKeyPolicy? policy = null) => new(_ring, _clock, policy);
}
