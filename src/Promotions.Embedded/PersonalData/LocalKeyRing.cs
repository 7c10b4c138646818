using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.PersonalData;

/// <summary>
/// The key ring of personal data on a laptop: files in <c>keys/</c> of the data directory (folder mode 700, files 600,
/// each created atomically by <see cref="KeyFile"/>, so processes starting together agree on one ring). <c>kek-1</c>,
/// <c>kek-2</c>, … are AES-256 key-encryption keys, the highest-numbered one wrapping new data keys (AES-GCM, with the
/// key id and the encryption context as associated data); <c>lookup-key</c> is the HMAC-SHA-256 key of lookup keys.
/// Without these files the personal data in the database cannot be read: they are backed up with it.
/// </summary>
internal sealed class LocalKeyRing : IPersonalDataKeyRing
{
    public const string FolderName = "keys";
    public const string LookupKeyFile = "lookup-key";
    public const string KekPrefix = "kek-";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int WrappedSize = NonceSize + KeySize + TagSize;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]> _keks = new(StringComparer.Ordinal);
    private byte[]? _lookupKey;
    private int _current;

    public LocalKeyRing(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Folder = Path.Combine(Path.GetFullPath(dataDirectory), FolderName);
    }

    public string Folder { get; }

    /// <summary>True when the ring was created before (its lookup key and a key-encryption key are there).</summary>
    public bool Exists => File.Exists(Path.Combine(Folder, LookupKeyFile)) && KekNumbers().Any();

    /// <summary>The id of the key-encryption key new data keys are wrapped with.</summary>
    public string CurrentKeyId
    {
        get
        {
            Load();
            lock (_gate)
            {
                return KekId(_current);
            }
        }
    }

    /// <summary>Creates the ring if there is none; a ring that exists is left as it is.</summary>
    public void Create()
    {
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(Folder);
        }

        KeyFile.LoadOrCreate(Path.Combine(Folder, LookupKeyFile), KeySize);
        if (!KekNumbers().Any())
        {
            KeyFile.LoadOrCreate(KekPath(1), KeySize);
        }

        Refresh();
    }

    /// <summary>
    /// Adds the next key-encryption key and makes it current; returns its id. Values sealed before keep opening with the
    /// older keys, which stay in the ring. Other processes take the new key up when they next issue a data key.
    /// </summary>
    public string Rotate()
    {
        if (!Exists)
        {
            throw new InvalidOperationException($"There is no key ring in {Folder} to rotate; it is created when the host first starts.");
        }

        KeyFile.LoadOrCreate(KekPath(KekNumbers().Max() + 1), KeySize);
        Refresh();
        return CurrentKeyId;
    }

    public Task<DataKey> GenerateDataKeyAsync(IReadOnlyDictionary<string, string> context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        Load();

        // Issuing a data key is rare (see DataKeyPolicy), so it is when a rotation by another process is noticed.
        Refresh();
        string id;
        byte[] kek;
        lock (_gate)
        {
            id = KekId(_current);
            kek = _keks[id];
        }

        var plaintext = RandomNumberGenerator.GetBytes(KeySize);
        var wrapped = new byte[WrappedSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(kek, TagSize))
        {
            aes.Encrypt(nonce, plaintext, wrapped.AsSpan(NonceSize, KeySize), wrapped.AsSpan(NonceSize + KeySize), WrapData(id, context));
        }

        return Task.FromResult(new DataKey(id, plaintext, wrapped));
    }

    public Task<byte[]> UnwrapDataKeyAsync(string keyId, byte[] wrapped, IReadOnlyDictionary<string, string> context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(wrapped);
        ArgumentNullException.ThrowIfNull(context);
        var kek = Kek(keyId) ?? throw new CryptographicException($"The key ring in {Folder} has no key-encryption key '{keyId}'.");
        if (wrapped.Length != WrappedSize)
        {
            throw new CryptographicException($"A wrapped data key of the local ring has {WrappedSize} bytes, not {wrapped.Length}.");
        }

        var plaintext = new byte[KeySize];
        using (var aes = new AesGcm(kek, TagSize))
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, KeySize),
                wrapped.AsSpan(NonceSize + KeySize), plaintext, WrapData(keyId, context));
        }

        return Task.FromResult(plaintext);
    }

    public Task<byte[]> ComputeLookupMacAsync(byte[] message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Load();
        return Task.FromResult(HMACSHA256.HashData(_lookupKey!, message));
    }

    private static string KekId(int number) => KekPrefix + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The key id and the context, each length-prefixed, with the context's entries in ordinal order of their keys.</summary>
    private static byte[] WrapData(string keyId, IReadOnlyDictionary<string, string> context)
    {
        using var data = new MemoryStream();
        Write(data, "promotions-local-kek");
        Write(data, keyId);
        foreach (var (key, value) in context.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            Write(data, key);
            Write(data, value);
        }

        return data.ToArray();
    }

    private static void Write(MemoryStream data, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        data.Write(length);
        data.Write(bytes);
    }

    private static byte[] ReadKey(string path)
    {
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length == KeySize
            ? key
            : throw new InvalidOperationException($"The key file {path} holds {key.Length} bytes, not {KeySize}; restore it from the backup.");
    }

    private string KekPath(int number) => Path.Combine(Folder, KekId(number));

    private IEnumerable<int> KekNumbers() =>
        !Directory.Exists(Folder)
            ? []
            : Directory.EnumerateFiles(Folder, KekPrefix + "*")
                .Select(path => Path.GetFileName(path)[KekPrefix.Length..])
                .Where(n => n.Length is > 0 and < 10 && n.All(char.IsAsciiDigit) && n[0] != '0')
                .Select(n => int.Parse(n, CultureInfo.InvariantCulture));

    private void Load()
    {
        lock (_gate)
        {
            if (_lookupKey is not null)
            {
                return;
            }
        }

        Create();
    }

    private byte[]? Kek(string keyId)
    {
        Load();
        lock (_gate)
        {
            if (_keks.TryGetValue(keyId, out var known))
            {
                return known;
            }
        }

        // Another process may have rotated since this one last looked.
        Refresh();
        lock (_gate)
        {
            return _keks.GetValueOrDefault(keyId);
        }
    }

    /// <summary>Reads the keys on disk; never forgets a key it knew, and refuses a known key whose file now holds another.</summary>
    private void Refresh()
    {
        var lookup = ReadKey(Path.Combine(Folder, LookupKeyFile));
        var found = KekNumbers().ToDictionary(n => n, n => ReadKey(KekPath(n)));
        lock (_gate)
        {
            if (_lookupKey is not null && !CryptographicOperations.FixedTimeEquals(_lookupKey, lookup))
            {
                throw new InvalidOperationException($"The lookup key in {Folder} changed while the process ran; the key ring was replaced.");
            }

            _lookupKey = lookup;
            foreach (var (number, key) in found)
            {
                var id = KekId(number);
                if (_keks.TryGetValue(id, out var known) && !CryptographicOperations.FixedTimeEquals(known, key))
                {
                    throw new InvalidOperationException($"The key-encryption key {id} in {Folder} changed while the process ran; the key ring was replaced.");
                }

                _keks[id] = key;
                _current = Math.Max(_current, number);
            }
        }
    }
}
