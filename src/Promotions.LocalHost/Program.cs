using Promotions.LocalHost.Auth;
using Promotions.LocalHost.Events;
using Promotions.LocalHost.PersonalData;

namespace Promotions.LocalHost;

/// <summary>
/// The local host's entry point: <c>token …</c> mints a local token and exits, <c>keys rotate</c> rotates the local key
/// ring of personal data and exits, <c>dead-letters …</c> lists or replays the events the relay parked and exits; anything else runs every service in one process (see <see cref="LocalHostApp"/>).
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

        if (KeysCommand.IsInvoked(args))
        {
            return KeysCommand.Run(args[1..], Console.Out, Console.Error);
        }

        if (DeadLettersCommand.IsInvoked(args))
        {
            return DeadLettersCommand.Run(args[1..], Console.Out, Console.Error);
        }

        LocalHostApp.Build(args).Run();
        return 0;
    }
}
