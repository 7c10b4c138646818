using Microsoft.Extensions.Options;
using Promotions.Api.Tests.Host;

namespace Promotions.Api.Tests.Telemetry;

public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("Telemetry:Traces:Exporter", "zipkin")]
    [InlineData("Telemetry:Traces:FlushTimeout", "00:00:00")]
    [InlineData("Telemetry:Metrics:Namespace", " ")]
    public void Start_WithAnUnusableTelemetrySetting_StopsWithAMessageThatNamesIt(string key, string value)
    {
        using var host = new LocalHostFactory(demo: false, settings: new Dictionary<string, string> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}
