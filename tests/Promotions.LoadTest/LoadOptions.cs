using System.Globalization;

namespace Promotions.LoadTest;

/// <summary>
/// <c>--duration</c> seconds measured per target, <c>--warmup</c> seconds before it, <c>--concurrency</c>
/// requests in flight, <c>--max-requests</c> per target (whichever of duration and count ends first).
/// </summary>
internal sealed record LoadOptions(int DurationSeconds = 10, int WarmupSeconds = 2, int Concurrency = 32, int MaxRequests = 2_000_000)
{
    public const string Usage = "usage: --duration 10 --concurrency 32 [--warmup 2] [--max-requests 2000000]";

    public static LoadOptions? Parse(IReadOnlyList<string> args, TextWriter errors)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                errors.WriteLine($"{args[i]} needs a positive whole number. {Usage}");
                return null;
            }

            switch (args[i])
            {
                case "--duration": options = options with { DurationSeconds = value }; break;
                case "--warmup": options = options with { WarmupSeconds = value }; break;
                case "--concurrency": options = options with { Concurrency = value }; break;
                case "--max-requests": options = options with { MaxRequests = value }; break;
                default:
                    errors.WriteLine($"Unknown option {args[i]}. {Usage}");
                    return null;
            }
        }

        return options;
    }
}
