using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Promotions.ServiceDefaults.Http;

/// <summary>
/// One written form for every decimal on the wire: fixed-point, never an exponent, and without trailing zeros, so
/// the same amount reads the same in every response whatever scale its computation left (118.40 and 118.4 are both
/// <c>118.4</c>, 12.00 is <c>12</c>) and a small rate is <c>0.00002</c>. The value is exact either way: amounts are
/// rounded to their currency's minor unit by the domain, and the client formats them for display. Reading is the
/// serializer's own.
/// </summary>
internal sealed class WireDecimalConverter : JsonConverter<decimal>
{
    private static readonly JsonConverter<decimal> Default = (JsonConverter<decimal>)JsonSerializerOptions.Default.GetConverter(typeof(decimal));

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Default.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Format(value), skipInputValidation: true);
    }

    public override decimal ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Default.ReadAsPropertyName(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Format(value));
    }

    /// <summary>The wire text of <paramref name="value"/>: a decimal's own text is always fixed-point; the division drops trailing zeros.</summary>
    public static string Format(decimal value) =>
        (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
