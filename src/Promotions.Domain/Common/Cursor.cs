using System.Buffers.Text;
using System.Text;

namespace Promotions.Domain.Common;

/// <summary>
/// Opaque pagination cursors: base64url of "v1:" + the sort key of the last item returned. Clients must
/// not build them; a cursor that does not decode is a <c>invalid_cursor</c> error on <c>$.cursor</c>.
/// </summary>
public static class Cursor
{
    private const string Version = "v1:";

    public static string Encode(string lastKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Version + lastKey));

    public static Result<string?> Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return Result<string?>.Ok(null);
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(Version, StringComparison.Ordinal) && text.Length > Version.Length)
            {
                return Result<string?>.Ok(text[Version.Length..]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the typed error below: a bad cursor is the client's mistake, not a bug.
        }

        return new DomainError("invalid_cursor", "The cursor is not one this API returned.", "$.cursor");
    }
}
