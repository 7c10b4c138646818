using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Rules.Parsing;

namespace Promotions.Domain.Discounts.Parsing;

/// <summary>
/// Reads the properties of one JSON object of an effect, adding a <see cref="DomainError"/> with the JSON
/// path for every problem instead of stopping at the first, so an author sees all mistakes at once.
/// </summary>
internal sealed class JsonObjectReader
{
    private const int MaxCount = 1_000_000;

    private readonly JsonElement _element;
    private readonly List<DomainError> _errors;

    private JsonObjectReader(JsonElement element, string path, List<DomainError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="element"/> as an object with only <paramref name="allowed"/> properties; null when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<DomainError> errors, IReadOnlyCollection<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DomainError(EffectErrorCodes.InvalidValue, "Expected a JSON object.", path));
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                errors.Add(new DomainError(EffectErrorCodes.DuplicateProperty, $"'{property.Name}' appears more than once.", propertyPath));
            }
            else if (!allowed.Contains(property.Name))
            {
                errors.Add(new DomainError(
                    EffectErrorCodes.UnknownProperty,
                    $"Unknown property '{property.Name}'; allowed: {string.Join(", ", allowed)}.",
                    propertyPath));
            }
        }

        return new JsonObjectReader(element, path, errors);
    }

    public string PathOf(string name) => JsonPath.Property(Path, name);

    public void Error(string code, string message, string path) => _errors.Add(new DomainError(code, message, path));

    /// <summary>The property's value, or null when it is absent or JSON null (a missing required one is reported).</summary>
    public JsonElement? Value(string name, bool required)
    {
        if (_element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Error(EffectErrorCodes.MissingProperty, $"'{name}' is required.", PathOf(name));
        }

        return null;
    }

    /// <summary>
    /// A money amount greater than zero (or at least zero) and at most <paramref name="max"/>, one of the bounds of
    /// <see cref="MoneyLimits"/>: <see cref="MoneyLimits.MaxAmount"/> for a price or an amount per application,
    /// <see cref="MoneyLimits.MaxTotal"/> for what compares with a cart's total (caps, tier thresholds and amounts).
    /// The engine rounds effect amounts to the cart currency's minor unit, so their decimals are not limited here.
    /// </summary>
    public decimal? Amount(string name, bool required, decimal max, bool allowZero = false)
    {
        var number = Number(name, required);
        if (number is null)
        {
            return null;
        }

        if (MoneyLimits.Problem(number.Value, max, allowZero: allowZero) is { } problem)
        {
            Error(EffectErrorCodes.OutOfRange, $"'{name}': {problem}", PathOf(name));
            return null;
        }

        return number;
    }

    /// <summary>A percentage in (0, 100].</summary>
    public decimal? Percent(string name, bool required)
    {
        var number = Number(name, required);
        if (number is not null && number is <= 0m or > 100m)
        {
            Error(EffectErrorCodes.OutOfRange, $"'{name}' must be greater than 0 and at most 100.", PathOf(name));
            return null;
        }

        return number;
    }

    /// <summary>A whole number from 1 to <see cref="MaxCount"/>.</summary>
    public int? Count(string name, bool required)
    {
        var number = Number(name, required);
        if (number is null)
        {
            return null;
        }

        if (number < 1m || number > MaxCount || decimal.Truncate(number.Value) != number)
        {
            Error(EffectErrorCodes.OutOfRange, $"'{name}' must be a whole number from 1 to {MaxCount}.", PathOf(name));
            return null;
        }

        return (int)number.Value;
    }

    public bool? Boolean(string name)
    {
        if (Value(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(EffectErrorCodes.InvalidValue, $"'{name}' must be true or false.", PathOf(name));
        return null;
    }

    public string? Text(string name, bool required)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        Error(EffectErrorCodes.InvalidValue, $"'{name}' must be a non-empty string.", PathOf(name));
        return null;
    }

    /// <summary>A string that must be one of <paramref name="words"/>.</summary>
    public string? Word(string name, bool required, params string[] words)
    {
        var text = Text(name, required);
        if (text is null || Array.IndexOf(words, text) >= 0)
        {
            return text;
        }

        Error(EffectErrorCodes.UnknownValue, $"'{name}' must be one of: {string.Join(", ", words)}.", PathOf(name));
        return null;
    }

    /// <summary>An array of non-empty strings; empty entries are reported.</summary>
    public IReadOnlyList<string>? Texts(string name)
    {
        if (Value(name, required: false) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(EffectErrorCodes.InvalidValue, $"'{name}' must be an array of strings.", PathOf(name));
            return null;
        }

        var texts = new List<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonPath.Index(PathOf(name), index++);
            if (item.ValueKind != JsonValueKind.String)
            {
                Error(EffectErrorCodes.InvalidValue, "Expected a string.", itemPath);
            }
            else if (string.IsNullOrWhiteSpace(item.GetString()))
            {
                Error(EffectErrorCodes.EmptyFilter, "An entry must not be empty.", itemPath);
            }
            else
            {
                texts.Add(item.GetString()!);
            }
        }

        return texts;
    }

    private decimal? Number(string name, bool required)
    {
        if (Value(name, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        Error(EffectErrorCodes.InvalidValue, $"'{name}' must be a number.", PathOf(name));
        return null;
    }
}
