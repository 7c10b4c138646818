using Promotions.LocalHost.Auth;

namespace Promotions.LocalHost;

/// <summary>
/// The local host's entry point: <c>token …</c> mints a local token and exits; anything else runs every
/// service in one process (see <see cref="LocalHostApp"/>).
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static int Main(string[] args)
    {
        if (TokenCommand.IsInvoked(args))
        {
            return TokenCommand.Run(args[1..], Console.Out, Console.Error);
        }

        LocalHostApp.Build(args).Run();
        return 0;
    }
}
