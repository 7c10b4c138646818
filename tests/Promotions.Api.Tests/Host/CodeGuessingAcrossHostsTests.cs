using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Domain.Codes;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Hosting;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Two hosts on one data directory stand for two processes (or functions): each has its own guard and memory, the
/// counts of unknown codes are in the store they share, so a caller locked by guessing at one is refused by the other.
/// </summary>
public sealed class CodeGuessingAcrossHostsTests : IDisposable
{
    private const string Cart = "\"cart\":{\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"sku\":\"A\",\"quantity\":1,\"unitPrice\":10}]}";

    private readonly string _directory = LocalHostFactory.NewTempDirectory();

    [Fact]
    public async Task CallerLockedByUnknownCodesAtOneHost_IsRefusedAtTheOther_WhileItsOtherRequestsPass()
    {
        await using var first = new LocalHostFactory(demo: false, signingKey: false, dataDirectory: _directory);
        await using var second = new LocalHostFactory(demo: false, signingKey: false, dataDirectory: _directory);
        _ = first.Server;
        _ = second.Server;
        var auth = new AuthOptions { SigningKey = LocalSigningKey.LoadOrCreate(_directory) };
        var token = DevTokens.Create(auth, "guesser", [], [Scopes.Validate, Scopes.OffersRead], TimeProvider.System);
        using var atFirst = first.ClientWith(token);
        using var atSecond = second.ClientWith(token);

        // A code that exists (its promotion does not) is never counted: the second host reads the caller clean and
        // remembers that for a few seconds.
        var code = new PromoCode("cod_1", "prm_gone", "REALCODE", 0, 1, true, null, null);
        await second.Services.GetRequiredService<ICodeStore>().InsertAsync("cjb_seed", [code], CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, await ValidateAsync(atSecond, "\"REALCODE\""));
        for (var i = 0; i < 10; i++)
        {
            var guesses = string.Join(',', Enumerable.Range(0, 10).Select(j => $"\"GUESS{i}X{j}\""));
            Assert.Equal(HttpStatusCode.OK, await ValidateAsync(atFirst, guesses));
        }

        var lockedAtFirst = await ValidateAsync(atFirst, "\"ANOTHER\"");
        using var lookupAtFirst = await atFirst.GetAsync(new Uri("/offers/codes/ANOTHER", UriKind.Relative));
        var withoutCodes = await ValidateAsync(atSecond, null);
        HttpStatusCode lockedAtSecond;
        var waited = 0;
        do
        {
            // The second host trusts its clean read of the caller for 5 s at most; then it reads the lock.
            lockedAtSecond = await ValidateAsync(atSecond, "\"REALCODE\"");
            if (lockedAtSecond == HttpStatusCode.TooManyRequests)
            {
                break;
            }

            await Task.Delay(500);
            waited += 500;
        }
        while (waited <= 6000);

        Assert.Equal(HttpStatusCode.TooManyRequests, lockedAtFirst);
        Assert.Equal(HttpStatusCode.TooManyRequests, lookupAtFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutCodes);
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedAtSecond);
    }

    public void Dispose() => LocalHostFactory.DeleteDirectory(_directory);

    private static async Task<HttpStatusCode> ValidateAsync(HttpClient client, string? codes)
    {
        var body = $"{{\"channel\":\"web\",{(codes is null ? "" : $"\"codes\":[{codes}],")}{Cart}}}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/validate", UriKind.Relative), content);
        return response.StatusCode;
    }
}
