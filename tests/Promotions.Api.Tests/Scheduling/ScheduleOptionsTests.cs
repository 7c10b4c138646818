using Microsoft.Extensions.Options;
using Promotions.Api.Tests.Host;

namespace Promotions.Api.Tests.Scheduling;

public sealed class ScheduleOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:00:00.05")]
    [InlineData("01:00:01")]
    public void Start_WithAnIntervalOutOfRange_Fails(string interval)
    {
        using var host = new LocalHostFactory(demo: false, settings: new Dictionary<string, string> { ["Admin:Schedule:Interval"] = interval });

        var failure = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Admin:Schedule:Interval", failure.Message, StringComparison.Ordinal);
    }
}
