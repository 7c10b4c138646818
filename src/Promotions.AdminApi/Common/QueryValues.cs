using System.Text.Json;
using Promotions.Domain.Common;

namespace Promotions.AdminApi.Common;

/// <summary>Enum filters in query strings, in the wire spelling (snake_case), with the allowed values in the error.</summary>
internal static class QueryValues
{
    public static TEnum? Enum<TEnum>(string? value, string path, List<DomainError> errors)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(Wire(candidate), value, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<TEnum>().Select(Wire));
        errors.Add(new DomainError("invalid_value", $"'{value}' is not one of: {allowed}.", path));
        return null;
    }

    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
