using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Promotions.ServiceDefaults;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// The shared wire rules every service answers with: decimals fixed-point without trailing zeros, and binding
/// errors in JSON terms (the path and the JSON type expected), never naming a .NET type.
/// </summary>
public sealed partial class WireFormatTests : IClassFixture<WireFormatTests.Fixture>
{
    private const string Line = """{"lineId":"1","sku":"SKU-SNEAKER-42","category":"shoes","quantity":1,"unitPrice":89.90}""";

    private readonly LocalHostFactory _host;

    public WireFormatTests(Fixture fixture) => _host = fixture.Factory;

    [Fact]
    public void Decimals_AreWrittenFixedPointWithoutTrailingZeros_AndStillReadInAnyForm()
    {
        var options = new JsonSerializerOptions();
        ServiceDefaultsExtensions.ConfigureJson(options);

        var written = JsonSerializer.Serialize(new Decimals(118.40m, 12.00m, Math.Round(1m / 50_000, 6), 0.0000001m, -0.50m, 0m, decimal.MaxValue), options);
        var read = JsonSerializer.Deserialize<Decimals>("""{"a":1.5E2,"b":12.00,"c":2e-05,"d":1,"e":-0.5,"f":0,"g":79228162514264337593543950335}""", options);

        Assert.Equal("""{"a":118.4,"b":12,"c":0.00002,"d":0.0000001,"e":-0.5,"f":0,"g":79228162514264337593543950335}""", written);
        Assert.Equal(new Decimals(150m, 12m, 0.00002m, 1m, -0.5m, 0m, decimal.MaxValue), read);
    }

    [Fact]
    public async Task AQuote_WritesEveryAmountInTheSameForm()
    {
        var body = await PostValidateAsync($$$"""{"channel":"web","cart":{"currency":"EUR","lines":[{{{Line}}},{"lineId":"2","sku":"SKU-SOCKS-3P","category":"socks","quantity":3,"unitPrice":9.50}]}}""");

        Assert.Equal(HttpStatusCode.OK, body.Status);
        Assert.Contains("\"subtotal\":118.4,", body.Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(TrailingZero(), body.Text);
    }

    [Theory]
    [InlineData("""{"channel":"web","cart":{"currency":"EUR","lines":[1]}}""", "$.cart.lines[0]", "The value is not an object.")]
    [InlineData("""{"channel":"web","cart":{"currency":"EUR","lines":{}}}""", "$.cart.lines", "The value is not an array.")]
    [InlineData("""{"channel":"web","cart":{"currency":"EUR","lines":[{"lineId":"1","sku":"A","quantity":"two","unitPrice":1}]}}""", "$.cart.lines[0].quantity", "The value is not a number.")]
    [InlineData("""{"channel":"web","cart":{"currency":"EUR","lines":[{"lineId":"1","quantity":1,"unitPrice":1}]}}""", null, "Required members are missing: 'sku'.")]
    [InlineData("""{"channel":"web","cart":{"currency":"EUR","lines":[{"lineId":"1","sku":"A","quantity":1,"unitPrice":1,"colour":"red"}]}}""", "$.cart.lines[0].colour", "Unknown member 'colour'.")]
    [InlineData("""{"channel":"web","cart":{"currency":null,"lines":[]}}""", null, "'currency' must not be null.")]
    [InlineData("""{"channel":"web","cart":[]}""", "$.cart", "The value is not an object.")]
    public async Task ABindingError_NamesTheJsonPathAndJsonType_NeverADotNetType(string json, string? path, string message)
    {
        var answer = await PostValidateAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.DoesNotMatch(DotNetName(), answer.Text);
        var error = JsonDocument.Parse(answer.Text).RootElement.GetProperty("errors")[0];
        Assert.Equal(message, error.GetProperty("message").GetString());
        if (path is not null)
        {
            Assert.Equal(path, error.GetProperty("path").GetString());
        }
    }

    [Fact]
    public async Task AMissingBody_IsNamedWithoutItsDotNetType()
    {
        var answer = await PostValidateAsync("");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.DoesNotMatch(DotNetName(), answer.Text);
    }

    private async Task<(HttpStatusCode Status, string Text)> PostValidateAsync(string json)
    {
        using var client = _host.ClientWith(_host.Token([Roles.Admin]));
        using var response = await client.PostAsync(new Uri("/validate", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"(?:System|Promotions|Microsoft)\.|Input\b|Request\b|`1")]
    private static partial Regex DotNetName();

    // A JSON number (not inside a string) ending in a zero after its decimal point.
    [GeneratedRegex(@"[:\[,]-?\d+\.\d*0[,}\]]")]
    private static partial Regex TrailingZero();

    private sealed record Decimals(decimal A, decimal B, decimal C, decimal D, decimal E, decimal F, decimal G);

    public sealed class Fixture : IDisposable
    {
        public LocalHostFactory Factory { get; } = new(demo: true);

        public void Dispose() => Factory.Dispose();
    }
}
