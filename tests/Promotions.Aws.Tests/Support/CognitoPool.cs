using System.Diagnostics;
using System.IO.Compression;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// A user pool on the emulator set up as template.yaml sets it up on AWS: the four groups, a user in each (and one
/// in none), the staff app client, a second client the services do not accept, the <c>promotions</c> resource
/// server with the product's scopes, and a client-credentials client for a point of sale; plus a second pool.
/// </summary>
public sealed class CognitoPool
{
    public const string Password = "Corr3ct-Horse-Battery!";
    public const string ResourceServer = "promotions";

    private CognitoPool(CognitoIdp idp, string poolId, string otherPoolId, string webClient, string otherClient, string otherPoolClient, string machineClient)
    {
        Idp = idp;
        PoolId = poolId;
        OtherPoolId = otherPoolId;
        WebClient = webClient;
        OtherClient = otherClient;
        OtherPoolClient = otherPoolClient;
        MachineClient = machineClient;
    }

    public CognitoIdp Idp { get; }

    public string PoolId { get; }

    public string OtherPoolId { get; }

    public string WebClient { get; }

    public string OtherClient { get; }

    public string OtherPoolClient { get; }

    public string MachineClient { get; }

    public string Issuer => $"https://cognito-idp.{Emulator.Region}.amazonaws.com/{PoolId}";

    public static async Task<CognitoPool> CreateAsync(Emulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        Assert.True(emulator.IsMoto, "The Cognito tests run on moto: they read its JWKS and sign machine tokens with its key.");
        var idp = new CognitoIdp(emulator.Endpoint!, Emulator.Region);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var pool = await idp.CreatePoolAsync("promotions-" + suffix);
        var otherPool = await idp.CreatePoolAsync("elsewhere-" + suffix);
        foreach (var group in new[] { "admin", "marketer", "analyst", "support", "janitor" })
        {
            await idp.CallAsync("CreateGroup", new { UserPoolId = pool, GroupName = group });
        }

        await idp.CallAsync("CreateGroup", new { UserPoolId = otherPool, GroupName = "admin" });
        await idp.CallAsync("CreateResourceServer", new
        {
            UserPoolId = pool,
            Identifier = ResourceServer,
            Name = "Promotions API",
            Scopes = new[] { "offers:read", "validate", "redeem" }.Select(s => new { ScopeName = s, ScopeDescription = s }).ToArray(),
        });
        var web = await idp.CreateClientAsync(pool, "staff-console");
        var other = await idp.CreateClientAsync(pool, "some-other-app");
        var otherPoolClient = await idp.CreateClientAsync(otherPool, "elsewhere");
        var machine = await idp.CreateClientAsync(pool, "pos-store-17", new
        {
            GenerateSecret = true,
            AllowedOAuthFlows = new[] { "client_credentials" },
            AllowedOAuthScopes = new[] { "promotions/redeem", "promotions/validate" },
            AllowedOAuthFlowsUserPoolClient = true,
        });
        foreach (var group in new[] { "admin", "marketer", "analyst", "support", "janitor" })
        {
            await idp.CreateUserAsync(pool, group + "-user", Password, group);
        }

        await idp.CreateUserAsync(pool, "no-groups", Password);
        await idp.CreateUserAsync(otherPool, "admin-elsewhere", Password, "admin");
        return new CognitoPool(idp, pool, otherPool, web, other, otherPoolClient, machine);
    }

    public Task<(string Id, string Access)> SignInAsync(string username, string? client = null) =>
        Idp.SignInAsync(PoolId, client ?? WebClient, username, Password);

    public Task<(string Id, string Access)> SignInElsewhereAsync() => Idp.SignInAsync(OtherPoolId, OtherPoolClient, "admin-elsewhere", Password);

    /// <summary>
    /// A token as Cognito issues it to a client-credentials client (<c>token_use: access</c>, <c>client_id</c>, the
    /// resource-server scopes in <c>scope</c>), signed with the emulator's pool key. moto has no token endpoint
    /// (<c>/oauth2/token</c>), so the tests build what it would answer; the service verifies it with the key set it
    /// fetches from the emulator, like any other.
    /// </summary>
    public string MachineToken(
        string scope, string? clientId = null, string tokenUse = "access", string? issuer = null, DateTime? expires = null,
        IReadOnlyDictionary<string, object>? added = null) =>
        IssueMachineToken(issuer ?? Issuer, clientId ?? MachineClient, scope, tokenUse, expires, added);

    /// <summary>
    /// The same, for any pool on the emulator (<paramref name="issuer"/>) and any of its clients; <paramref name="added"/>
    /// are claims a pre-token-generation trigger would add (<c>claimsToAddOrOverride</c>).
    /// </summary>
    public static string IssueMachineToken(
        string issuer, string clientId, string scope, string tokenUse = "access", DateTime? expires = null, IReadOnlyDictionary<string, object>? added = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = clientId,
            ["client_id"] = clientId,
            ["scope"] = scope,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (tokenUse.Length > 0)
        {
            claims["token_use"] = tokenUse;
        }

        foreach (var (name, value) in added ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(EmulatorKey.Value, SecurityAlgorithms.RsaSha256),
        });
    }

    private static readonly Lazy<RsaSecurityKey> EmulatorKey = new(() =>
    {
        using var python = Process.Start(new ProcessStartInfo("python3",
            ["-c", "import os, moto.cognitoidp as m; print(os.path.join(os.path.dirname(m.__file__), 'resources', 'jwks-private.json.gz'))"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var path = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var jwk = new JsonWebKey(reader.ReadToEnd());

        // moto keeps only n, e and d; .NET needs the primes too, so they are recovered from those three.
        var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportParameters(RsaPrivateKey.FromModulusAndExponents(
            Base64UrlEncoder.DecodeBytes(jwk.N), Base64UrlEncoder.DecodeBytes(jwk.E), Base64UrlEncoder.DecodeBytes(jwk.D)));

        // moto names its one key "dummy" in the tokens it signs.
        return new RsaSecurityKey(rsa) { KeyId = "dummy" };
    });
}
