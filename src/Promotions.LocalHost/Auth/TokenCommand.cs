using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Hosting;

namespace Promotions.LocalHost.Auth;

/// <summary>
/// <c>dotnet run --project src/Promotions.LocalHost -- token --role admin</c>: prints a token signed with the
/// key the host uses (same configuration, same data directory) and exits.
/// </summary>
internal static class TokenCommand
{
    public const string Name = "token";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var request = TokenRequest.Parse(args);
        if (!request.IsSuccess)
        {
            var error = request.Errors[0];
            errors.WriteLine($"{error.Path}: {error.Message}");
            errors.WriteLine("usage: token --role admin|marketer|analyst|support [--role …] [--scope offers:read|validate|redeem] [--sub alice] [--hours 12] [--channel web|mobile_app|email|in_store|partner …] [--partner p1]");
            return 2;
        }

        // The same builder as the host reads the same configuration sources, so the key file is found where the host keeps it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. request.Value.ConfigurationArgs] });
        var auth = LocalSigningKey.Resolve(builder.Configuration, builder.Environment.ContentRootPath);
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            errors.WriteLine("Auth:Cognito:UserPoolId is set: tokens come from that Cognito user pool, not from this command.");
            return 2;
        }

        output.WriteLine(Mint(auth, request.Value, TimeProvider.System));
        return 0;
    }

    /// <summary>The token the command prints for <paramref name="request"/>.</summary>
    public static string Mint(AuthOptions auth, TokenRequest request, TimeProvider clock) =>
        DevTokens.Create(auth, request.Subject, request.Roles, request.Scopes, clock, request.Lifetime, request.Channels, request.PartnerId);
}
