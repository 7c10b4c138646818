using Microsoft.Extensions.Options;
using Promotions.LocalHost;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Scheduling;

public sealed class ScheduleOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:00:00.05")]
    [InlineData("01:00:01")]
    public async Task Start_WithAnIntervalOutOfRange_Fails(string interval)
    {
        // The host is built and started directly: a start that fails inside WebApplicationFactory can surface as the
        // factory's own ObjectDisposedException instead of the host's error (a race in its deferred host).
        var data = Directory.CreateTempSubdirectory("schedule-options-").FullName;
        try
        {
            await using var app = LocalHostApp.Build(
            [
                "--environment=Testing", "--urls=http://127.0.0.1:0", $"--Embedded:DataDirectory={data}", "--Demo:Seed=false",
                "--Logging:LogLevel:Default=Warning", $"--Auth:SigningKey={DevTokens.NewSigningKey()}", $"--Admin:Schedule:Interval={interval}",
            ]);

            var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("Admin:Schedule:Interval", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
