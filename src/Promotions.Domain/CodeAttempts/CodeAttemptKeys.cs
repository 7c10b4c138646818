using System.Security.Cryptography;
using System.Text;

namespace Promotions.Domain.CodeAttempts;

/// <summary>
/// The store key of a caller's or a customer's code attempts: <c>caller:&lt;id&gt;</c>, <c>customer:&lt;id&gt;</c>.
/// Ids come from tokens and requests, so one longer than <see cref="MaxIdLength"/> is keyed by its SHA-256 instead:
/// every key fits any store's key limit, and two ids never share a key.
/// </summary>
public static class CodeAttemptKeys
{
    public const int MaxIdLength = 200;

    public static string Of(CodeAttemptScope scope, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var prefix = scope == CodeAttemptScope.Caller ? "caller:" : "customer:";
        return id.Length <= MaxIdLength
            ? prefix + id
            : prefix + "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}
