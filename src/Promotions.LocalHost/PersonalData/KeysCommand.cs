using Promotions.Embedded.PersonalData;
using Promotions.ServiceDefaults.Hosting;

namespace Promotions.LocalHost.PersonalData;

/// <summary>
/// <c>dotnet run --project src/Promotions.LocalHost -- keys rotate</c>: adds a key-encryption key to the local key ring of
/// personal data (same configuration, same data directory as the host) and exits. A running host takes it up when it
/// next issues a data key; restarting is not needed.
/// </summary>
internal static class KeysCommand
{
    public const string Name = "keys";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length == 0 || args[0] != "rotate")
        {
            errors.WriteLine("usage: keys rotate [--Embedded:DataDirectory=<folder>]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args[1..] });
        var dataDirectory = LocalSigningKey.DataDirectory(builder.Configuration, builder.Environment.ContentRootPath);
        try
        {
            var id = LocalKeys.Rotate(dataDirectory);
            output.WriteLine($"{id} now wraps new data keys; values sealed before keep opening with the older keys.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
    }
}
