using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;

namespace Promotions.Aws.PersonalData;

/// <summary>
/// The key ring of personal data on AWS KMS. Data keys come from <c>GenerateDataKey</c> on <c>Aws:KmsKeyId</c> (a
/// symmetric key) and are unwrapped by <c>Decrypt</c> naming that key, both under the encryption context, which KMS
/// binds to the wrapped key. Lookup keys are <c>GenerateMac</c> (HMAC-SHA-256) on <c>Aws:KmsLookupKeyId</c>, an
/// HMAC_256 key whose material never leaves KMS; the last few thousand results are kept in memory, since one write asks
/// for the key of the same address several times.
/// </summary>
internal sealed class KmsKeyRing(IAmazonKeyManagementService kms, IOptions<AwsOptions> options) : IPersonalDataKeyRing
{
    private const int RememberedMacs = 4096;

    private readonly AwsOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, byte[]> _macs = new(StringComparer.Ordinal);

    public async Task<DataKey> GenerateDataKeyAsync(IReadOnlyDictionary<string, string> context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = await kms.GenerateDataKeyAsync(new GenerateDataKeyRequest
        {
            KeyId = Required(_options.KmsKeyId, "Aws:KmsKeyId"),
            KeySpec = DataKeySpec.AES_256,
            EncryptionContext = new Dictionary<string, string>(context, StringComparer.Ordinal),
        }, ct);
        return new DataKey(
            response.KeyId ?? throw new InvalidOperationException("KMS answered GenerateDataKey without a key id."),
            (response.Plaintext ?? throw new InvalidOperationException("KMS answered GenerateDataKey without a plaintext key.")).ToArray(),
            (response.CiphertextBlob ?? throw new InvalidOperationException("KMS answered GenerateDataKey without a wrapped key.")).ToArray());
    }

    public async Task<byte[]> UnwrapDataKeyAsync(string keyId, byte[] wrapped, IReadOnlyDictionary<string, string> context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            // Naming the key makes KMS refuse a blob of any other key, rather than decrypting with whichever key it names.
            using var blob = new MemoryStream(wrapped, writable: false);
            var response = await kms.DecryptAsync(new DecryptRequest
            {
                KeyId = keyId,
                CiphertextBlob = blob,
                EncryptionContext = new Dictionary<string, string>(context, StringComparer.Ordinal),
            }, ct);
            return (response.Plaintext ?? throw new InvalidOperationException("KMS answered Decrypt without a plaintext.")).ToArray();
        }
        catch (InvalidCiphertextException e)
        {
            throw new CryptographicException("KMS refused the wrapped data key: it was altered, or wrapped under another encryption context.", e);
        }
        catch (IncorrectKeyException e)
        {
            throw new CryptographicException($"The wrapped data key was not wrapped by {keyId}.", e);
        }
    }

    public async Task<byte[]> ComputeLookupMacAsync(byte[] message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = Convert.ToBase64String(message);
        lock (_gate)
        {
            if (_macs.TryGetValue(name, out var known))
            {
                return known;
            }
        }

        using var body = new MemoryStream(message, writable: false);
        var response = await kms.GenerateMacAsync(new GenerateMacRequest
        {
            KeyId = Required(_options.KmsLookupKeyId, "Aws:KmsLookupKeyId"),
            MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256,
            Message = body,
        }, ct);
        var mac = (response.Mac ?? throw new InvalidOperationException("KMS answered GenerateMac without a MAC.")).ToArray();
        lock (_gate)
        {
            if (_macs.Count >= RememberedMacs)
            {
                _macs.Clear();
            }

            _macs[name] = mac;
        }

        return mac;
    }

    private static string Required(string? value, string setting) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{setting} must name a KMS key before personal data can be stored (see docs/aws.md).")
            : value;
}
