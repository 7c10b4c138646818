using System.Globalization;
using Promotions.Domain.Codes;

namespace Promotions.AdminApi.Codes;

/// <summary>
/// Reads an import file — <c>code[,maxUses,expiresAt,assignedCustomerId]</c> per line, header optional —
/// into accepted rows and per-line rejections. Store duplicates are found later, by the insert itself.
/// </summary>
internal sealed class CodeImportParser(DateTimeOffset now)
{
    public const int MaxLines = 100_000;
    public const int MaxCodeLength = 64;
    private const int MaxCustomerIdLength = 100;

    private readonly Dictionary<string, int> _firstLineOf = new(StringComparer.Ordinal);

    public List<CodeImportRow> Rows { get; } = [];

    public List<CodeImportRejection> Rejected { get; } = [];

    /// <summary>False when the file has more than <see cref="MaxLines"/> lines of codes.</summary>
    public async Task<bool> ReadAsync(TextReader reader, CancellationToken ct)
    {
        var lineNumber = 0;
        var dataLines = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (dataLines == 0 && Rows.Count == 0 && Rejected.Count == 0 && IsHeader(line)))
            {
                continue;
            }

            if (++dataLines > MaxLines)
            {
                return false;
            }

            ReadLine(lineNumber, line);
        }

        return true;
    }

    private static bool IsHeader(string line) =>
        Csv.Split(line) is [var first, ..] && first.Equals("code", StringComparison.OrdinalIgnoreCase);

    private void ReadLine(int line, string text)
    {
        var fields = Csv.Split(text);
        var raw = fields is { Count: > 0 } ? fields[0] : text;
        if (fields is null || fields.Count > 4)
        {
            Reject(line, raw, "invalid_line", "A line holds code[,maxUses,expiresAt,assignedCustomerId] with balanced quotes.");
            return;
        }

        if (!CodeNormalizer.TryNormalize(raw, out var code, out var error))
        {
            Reject(line, raw, error.Code, error.Message);
            return;
        }

        if (code.Length > MaxCodeLength)
        {
            Reject(line, raw, "codes.too_long", $"A code has at most {MaxCodeLength} characters.");
            return;
        }

        var maxUses = 1;
        if (Field(fields, 1) is { } uses && (!int.TryParse(uses, NumberStyles.None, CultureInfo.InvariantCulture, out maxUses) || maxUses < 1))
        {
            Reject(line, code, "invalid_max_uses", $"maxUses must be a whole number of at least 1, not '{uses}'.");
            return;
        }

        DateTimeOffset? expires = null;
        if (Field(fields, 2) is { } date)
        {
            if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                Reject(line, code, "invalid_expires_at", $"expiresAt must be an ISO 8601 date-time such as 2030-12-31T23:59:59Z, not '{date}'.");
                return;
            }

            if (parsed <= now)
            {
                Reject(line, code, "expired", "expiresAt is in the past.");
                return;
            }

            expires = parsed;
        }

        var customer = Field(fields, 3);
        if (customer?.Length > MaxCustomerIdLength)
        {
            Reject(line, code, "invalid_customer_id", $"assignedCustomerId has at most {MaxCustomerIdLength} characters.");
            return;
        }

        if (!_firstLineOf.TryAdd(code, line))
        {
            Reject(line, code, "duplicate_in_file", $"The code is already on line {_firstLineOf[code]} (codes compare without case, spaces and dashes).");
            return;
        }

        Rows.Add(new CodeImportRow(line, code, maxUses, expires, customer));
    }

    private void Reject(int line, string code, string errorCode, string message) =>
        Rejected.Add(new CodeImportRejection(line, code, errorCode, message));

    private static string? Field(List<string> fields, int index) =>
        index < fields.Count && fields[index].Length > 0 ? fields[index] : null;
}
