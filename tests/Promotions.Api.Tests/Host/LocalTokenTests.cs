using System.Net;
using Promotions.LocalHost.Auth;
using Promotions.ServiceDefaults.Hosting;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Local tokens without configuration: the host makes a key file once (owner-only) and keeps using it, and
/// the <c>token</c> command signs with that same key, so its tokens open the running host.
/// </summary>
public sealed class LocalTokenTests : IDisposable
{
    private readonly string _directory = LocalHostFactory.NewTempDirectory();

    [Fact]
    public async Task Host_WithoutSigningKey_CreatesOwnerOnlyKeyFileOnce_AndKeepsItAcrossRestarts()
    {
        string first;
        await using (var host = new LocalHostFactory(demo: false, signingKey: false, dataDirectory: _directory))
        {
            await AssertAcceptsAdminTokenFromCommand(host);
            first = await File.ReadAllTextAsync(Path.Combine(_directory, LocalSigningKey.FileName));
        }

        await using (var restarted = new LocalHostFactory(demo: false, signingKey: false, dataDirectory: _directory))
        {
            await AssertAcceptsAdminTokenFromCommand(restarted);
        }

        var path = Path.Combine(_directory, LocalSigningKey.FileName);
        Assert.Equal(first, await File.ReadAllTextAsync(path));
        Assert.True(Convert.FromBase64String(first.Trim()).Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task LoadOrCreate_WhenManyStartAtOnce_AllGetTheSameKey()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => LocalSigningKey.LoadOrCreate(_directory))));

        Assert.Single(keys.Distinct());
        Assert.Equal([LocalSigningKey.FileName], Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)));
    }

    [Fact]
    public async Task TokenCommand_WithAnalystRole_OpensCatalogReadsButNotWrites()
    {
        await using var host = new LocalHostFactory(demo: false, signingKey: false, dataDirectory: _directory);
        using var client = host.ClientWith(RunTokenCommand("--role", "analyst", "--sub", "ana", "--hours", "1"));

        using var read = await client.GetAsync(new Uri("/admin/campaigns", UriKind.Relative));
        using var write = await client.PostAsync(new Uri("/admin/campaign-types", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task TokenCommand_WithChannelAndPartner_OpensOffersOnThatChannelOnly()
    {
        await using var host = new LocalHostFactory(demo: false, signingKey: false, dataDirectory: _directory);
        using var client = host.ClientWith(RunTokenCommand("--scope", "offers:read", "--channel", "web", "--partner", "p1", "--sub", "store-7"));

        using var web = await client.GetAsync(new Uri("/offers?channel=web", UriKind.Relative));
        using var email = await client.GetAsync(new Uri("/offers?channel=email", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, email.StatusCode);
        Assert.Contains("channel_not_allowed", await email.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scope", "offers:read", "--channel", "tv")]
    [InlineData("--scope", "offers:read", "--partner", "two words")]
    [InlineData("--role", "admin", "--channel", "web")]
    [InlineData("--role", "root")]
    [InlineData("--scope", "everything")]
    [InlineData("--hours", "-1")]
    [InlineData("--hours", "abc")]
    [InlineData("--sub", "alice")]
    [InlineData("--role")]
    public void TokenCommand_WithBadArguments_PrintsUsageAndFails(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = TokenCommand.Run([.. args, $"--Embedded:DataDirectory={_directory}"], output, errors);

        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.Contains("usage: token", errors.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => LocalHostFactory.DeleteDirectory(_directory);

    private async Task AssertAcceptsAdminTokenFromCommand(LocalHostFactory host)
    {
        _ = host.Server;
        Assert.True(File.Exists(Path.Combine(_directory, LocalSigningKey.FileName)), "The host makes the key file when it starts.");
        using var client = host.ClientWith(RunTokenCommand("--role", "admin"));
        using var response = await client.GetAsync(new Uri("/admin/campaigns", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string RunTokenCommand(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = TokenCommand.Run([.. args, $"--Embedded:DataDirectory={_directory}"], output, errors);
        Assert.True(exit == 0, errors.ToString());
        return output.ToString().Trim();
    }
}
